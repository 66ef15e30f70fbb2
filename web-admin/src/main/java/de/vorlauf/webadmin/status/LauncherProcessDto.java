package de.vorlauf.webadmin.status;

import java.time.Instant;

/**
 * A process the local launcher started, as its supervisor sees it.
 *
 * @param state RUNNING, RESTARTING, GAVE_UP or STOPPED
 * @param pid 0 while no process runs
 * @param lastReason why it was last restarted ("exit code 137 (SIGKILL)"), null before that
 */
public record LauncherProcessDto(
    String name, String state, long pid, int restarts, String lastReason, Instant lastRestart) {}
