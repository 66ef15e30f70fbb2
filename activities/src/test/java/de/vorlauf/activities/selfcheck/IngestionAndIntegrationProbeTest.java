package de.vorlauf.activities.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.activities.selfcheck.IntegrationStates.IntegrationState;
import de.vorlauf.ingest.progress.IngestProgressCheck;
import de.vorlauf.ingest.progress.IngestionThresholds;
import de.vorlauf.persistence.ingest.LaneProgress;
import de.vorlauf.workflows.selfcheck.ProbeResult;
import de.vorlauf.workflows.vendor.InstallationStatus;
import de.vorlauf.workflows.vendor.PollingStatus;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The self-check's ingestion and integration probes on fake sources. */
class IngestionAndIntegrationProbeTest {

  private static final Instant NOW = Instant.parse("2026-12-03T13:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void ingestionProbeReadsTheLastHourAndSaysHowFarBehind() {
    List<Instant> asked = new ArrayList<>();
    IngestionProbe probe =
        new IngestionProbe(
            since -> {
              asked.add(since);
              return List.of(
                  new LaneProgress("w1", "live", NOW, true, 4000, 10_234_000, 240.0, NOW, 0),
                  new LaneProgress("w1", "backlog", NOW, true, 0, 0, null, null, 0));
            },
            new IngestProgressCheck(IngestionThresholds.defaults()),
            CLOCK);

    ProbeResult result = probe.run();

    assertThat(asked).containsExactly(NOW.minus(Duration.ofHours(1)));
    assertThat(result.name()).isEqualTo("ingestion");
    assertThat(result.ok()).isFalse();
    assertThat(result.detail())
        .startsWith(
            "ingestion behind: live lane 10,234,000 readings queued (limit 10,000), lag 4 min"
                + " (limit 2 min)");
  }

  @Test
  void unreadableProgressIsAFailureToRetry() {
    IngestionProbe probe =
        new IngestionProbe(
            since -> {
              throw new SQLTransientConnectionException("Connection refused", "08001");
            },
            new IngestProgressCheck(IngestionThresholds.defaults()),
            CLOCK);

    assertThatThrownBy(probe::run)
        .isInstanceOf(DatabaseProbeException.class)
        .hasMessageContaining("cannot read ingest progress");
  }

  @Test
  void noProcessReportingIsAFailureToRetry() {
    IngestionProbe probe =
        new IngestionProbe(
            since -> List.of(), new IngestProgressCheck(IngestionThresholds.defaults()), CLOCK);

    assertThatThrownBy(probe::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no ingesting process reported in the last 30 s: is a worker running?");
  }

  @Test
  void noIntegrationConfiguredIsOk() {
    ProbeResult result = new IntegrationProbe(List::of, Duration.ofHours(2), CLOCK).run();

    assertThat(result.ok()).isTrue();
    assertThat(result.detail()).isEqualTo("no vendor integrations configured");
  }

  @Test
  void pollingIntegrationsWithFreshDataAreOk() {
    IntegrationStates states =
        () ->
            List.of(
                new IntegrationState(
                    "acme", true, null, status("acme", false, installation("i1", 0, 600))));

    ProbeResult result = new IntegrationProbe(states, Duration.ofHours(2), CLOCK).run();

    assertThat(result.ok()).isTrue();
    assertThat(result.detail())
        .isEqualTo("1 integration polling, 1 installation, newest data at most 10 min old");
  }

  @Test
  void failingPausedLaggingAndStoppedOnesAreNamed() {
    IntegrationStates states =
        () ->
            List.of(
                new IntegrationState(
                    "acme",
                    true,
                    null,
                    status(
                        "acme",
                        false,
                        installation("i1", 3, 600),
                        installation("i2", 0, 5 * 3600))),
                new IntegrationState("bolt", true, null, status("bolt", true)),
                new IntegrationState("cora", false, "last run terminated", null));

    ProbeResult result = new IntegrationProbe(states, Duration.ofHours(2), CLOCK).run();

    assertThat(result.ok()).isFalse();
    assertThat(result.detail())
        .isEqualTo(
            "vendor integrations: acme/i1 failing (3 polls in a row): HTTP 503 from the vendor;"
                + " acme/i2 lagging 5 h 0 min (limit 2 h 0 min); bolt paused;"
                + " cora not polling (last run terminated)");
  }

  private static PollingStatus status(
      String id, boolean paused, InstallationStatus... installations) {
    return new PollingStatus(
        id,
        paused,
        Duration.ofMinutes(5),
        Duration.ofDays(1),
        12,
        NOW,
        null,
        NOW,
        List.of(installations));
  }

  private static InstallationStatus installation(String id, int failures, long lagSeconds) {
    Instant cursor = NOW.minusSeconds(lagSeconds);
    return new InstallationStatus(
        id,
        failures > 0 ? InstallationStatus.FAILING : InstallationStatus.OK,
        failures > 0 ? "HTTP 503 from the vendor" : null,
        cursor,
        cursor,
        Duration.ofSeconds(lagSeconds),
        100,
        0,
        0,
        failures,
        false);
  }
}
