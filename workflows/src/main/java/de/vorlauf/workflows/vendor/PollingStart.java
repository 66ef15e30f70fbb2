package de.vorlauf.workflows.vendor;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Input of a polling run: the integration's settings for the workflow plus the state carried over
 * from the previous run (continue-as-new, or a restart after stop).
 *
 * @param integrationId the configured integration; the activities look up its URL and secret
 * @param interval pause between rounds
 * @param initialLookback how far back the first poll of a new installation reaches
 * @param paused true when the previous run was paused
 * @param rounds rounds completed by earlier runs
 * @param installations per-installation cursors and counts; empty on a first start
 */
public record PollingStart(
    String integrationId,
    Duration interval,
    Duration initialLookback,
    boolean paused,
    long rounds,
    List<InstallationState> installations) {

  public PollingStart {
    Objects.requireNonNull(integrationId, "integrationId");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(initialLookback, "initialLookback");
    installations = installations == null ? List.of() : List.copyOf(installations);
  }

  public static PollingStart fresh(
      String integrationId, Duration interval, Duration initialLookback) {
    return new PollingStart(integrationId, interval, initialLookback, false, 0, List.of());
  }
}
