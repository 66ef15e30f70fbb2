package de.vorlauf.persistence.models;

/**
 * The version a run was registered as.
 *
 * @param created false when the run had been registered before (a retry): the same version
 */
public record Registration(ModelVersion version, boolean created) {}
