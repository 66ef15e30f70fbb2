package de.vorlauf.devstack.broker;

import java.nio.file.Path;

/**
 * Where a broker we started keeps its password and ACL files, what the worker's sync loop needs
 * ({@code VORLAUF_BROKER_ACCESS_DIR}, {@code VORLAUF_BROKER_PID_FILE}).
 *
 * @param pidFile the process to send SIGHUP to after the files changed (Mosquitto); null for a
 *     broker that notices changed files itself (the embedded HiveMQ)
 */
public record BrokerAccessControl(Path dir, Path pidFile) {}
