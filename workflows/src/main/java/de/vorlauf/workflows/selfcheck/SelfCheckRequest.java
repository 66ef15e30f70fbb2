package de.vorlauf.workflows.selfcheck;

/**
 * @param requestedBy who asked for the check, e.g. the admin user name or "launcher"
 */
public record SelfCheckRequest(String requestedBy) {}
