package de.vorlauf.devstack.broker;

import java.nio.file.Path;

/**
 * Where a broker we started keeps its password and ACL files, and the pid file of the process to
 * send SIGHUP to after they changed: what the worker's sync loop needs ({@code
 * VORLAUF_BROKER_ACCESS_DIR}, {@code VORLAUF_BROKER_PID_FILE}).
 */
public record BrokerAccessControl(Path dir, Path pidFile) {}
