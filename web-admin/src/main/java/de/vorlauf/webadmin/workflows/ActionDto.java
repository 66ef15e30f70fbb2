package de.vorlauf.webadmin.workflows;

/**
 * The answer to a cancel or terminate: what was asked and the execution's status right after.
 *
 * @param action cancel or terminate
 */
public record ActionDto(String workflowId, String runId, String action, String status) {}
