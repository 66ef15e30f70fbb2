package de.vorlauf.workflows.vendor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The status query's answer, also the result of a stopped run.
 *
 * @param rounds rounds started over all runs of this workflow
 * @param lastRoundAt workflow time the last round started
 * @param lastRoundError why listing the installations failed in the last round, else null
 * @param asOf workflow time the status was taken
 */
public record PollingStatus(
    String integrationId,
    boolean paused,
    Duration interval,
    Duration initialLookback,
    long rounds,
    Instant lastRoundAt,
    String lastRoundError,
    Instant asOf,
    List<InstallationStatus> installations) {

  public PollingStatus {
    installations = installations == null ? List.of() : List.copyOf(installations);
  }

  /** The start of a new run that continues where this status left off. */
  public PollingStart toStart() {
    return new PollingStart(
        integrationId,
        interval,
        initialLookback,
        paused,
        rounds,
        installations.stream()
            .map(
                i ->
                    new InstallationState(
                        i.installationId(),
                        i.cursor(),
                        i.lastSuccessAt(),
                        i.lastError(),
                        i.consecutiveFailures(),
                        i.readingsStored(),
                        i.duplicates(),
                        i.quarantined()))
            .toList());
  }
}
