package de.vorlauf.activities.selfcheck;

import de.vorlauf.activities.selfcheck.IntegrationStates.IntegrationState;
import de.vorlauf.ingest.progress.IngestProgressCheck;
import de.vorlauf.workflows.selfcheck.ProbeResult;
import de.vorlauf.workflows.vendor.InstallationStatus;
import de.vorlauf.workflows.vendor.PollingStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The self-check's vendor integration probe: every configured integration must be polling, not
 * paused, and each installation neither failing nor lagging (newest stored reading older than the
 * threshold). Everything else is named, e.g. "acme/inst-7 failing (3 polls in a row): 503 from the
 * vendor; acme/inst-9 lagging 5 h (limit 2 h)".
 */
public final class IntegrationProbe {

  private final IntegrationStates states;
  private final Duration lagMax;
  private final Clock clock;

  public IntegrationProbe(IntegrationStates states, Duration lagMax, Clock clock) {
    this.states = states;
    this.lagMax = lagMax;
    this.clock = clock;
  }

  public ProbeResult run() {
    List<IntegrationState> all = states.all();
    if (all.isEmpty()) {
      return new ProbeResult(
          ProbeResult.INTEGRATIONS, true, "no vendor integrations configured", null);
    }
    Instant now = clock.instant();
    List<String> problems = new ArrayList<>();
    int installations = 0;
    double worstLag = 0;
    for (IntegrationState integration : all) {
      String id = integration.integrationId();
      PollingStatus status = integration.status();
      if (!integration.polling() || status == null) {
        problems.add(
            "%s not polling (%s)"
                .formatted(
                    id, integration.problem() == null ? "no status" : integration.problem()));
        continue;
      }
      if (status.paused()) {
        problems.add(id + " paused");
      }
      if (status.lastRoundError() != null) {
        problems.add(id + " cannot list its installations: " + status.lastRoundError());
      }
      for (InstallationStatus installation : status.installations()) {
        installations++;
        String name = id + "/" + installation.installationId();
        if (installation.consecutiveFailures() > 0) {
          problems.add(
              "%s failing (%d polls in a row): %s"
                  .formatted(name, installation.consecutiveFailures(), installation.lastError()));
        }
        if (installation.cursor() != null) {
          double lag = Duration.between(installation.cursor(), now).toMillis() / 1000.0;
          worstLag = Math.max(worstLag, lag);
          if (lag > lagMax.toMillis() / 1000.0) {
            problems.add(
                "%s lagging %s (limit %s)"
                    .formatted(
                        name,
                        IngestProgressCheck.duration(lag),
                        IngestProgressCheck.duration(lagMax.toMillis() / 1000.0)));
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      return new ProbeResult(
          ProbeResult.INTEGRATIONS,
          false,
          "vendor integrations: " + String.join("; ", problems),
          null);
    }
    return new ProbeResult(
        ProbeResult.INTEGRATIONS,
        true,
        "%d integration%s polling, %d installation%s, newest data at most %s old"
            .formatted(
                all.size(),
                all.size() == 1 ? "" : "s",
                installations,
                installations == 1 ? "" : "s",
                IngestProgressCheck.duration(worstLag)),
        null);
  }
}
