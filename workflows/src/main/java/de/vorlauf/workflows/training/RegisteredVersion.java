package de.vorlauf.workflows.training;

/**
 * The model version a finished training run was registered as.
 *
 * @param stage the version's stage right after registration: STAGING when it became the challenger,
 *     NONE when it waits for the challenger being evaluated
 * @param created false when the run had been registered before (a retried activity)
 */
public record RegisteredVersion(String model, int version, String stage, boolean created) {}
