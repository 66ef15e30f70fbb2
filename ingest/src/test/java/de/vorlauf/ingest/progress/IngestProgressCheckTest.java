package de.vorlauf.ingest.progress;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.persistence.ingest.LaneProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestProgressCheckTest {

  private static final Instant NOW = Instant.parse("2026-12-03T13:00:00Z");
  private final IngestProgressCheck check = new IngestProgressCheck(IngestionThresholds.defaults());

  @Test
  void twoWorkersKeepingUpAreOkWithTheirNumbersSummed() {
    IngestProgressCheck.Verdict verdict =
        check.evaluate(
            List.of(
                live("w1", 100, 3, 1.2, 0),
                backlog("w1", 0, 0, null),
                live("w2", 250, 7, 0.8, 0),
                backlog("w2", 40, 1, 7200.0)),
            NOW);

    assertThat(verdict.ok()).isTrue();
    assertThat(verdict.processes()).isEqualTo(2);
    assertThat(verdict.lanes().get(0).queuedReadings()).isEqualTo(350);
    assertThat(verdict.lanes().get(0).inFlight()).isEqualTo(10);
    assertThat(verdict.detail())
        .isEqualTo(
            "ingestion keeps up: live lane 350 readings queued, 10 messages in flight, lag 1.2 s;"
                + " backlog lane 40 readings queued, 1 messages in flight, lag 2 h 0 min"
                + " — 2 processes reporting");
  }

  @Test
  void liveLaneOverItsQueueAndLagIsBehindInWordsAndNumbers() {
    IngestProgressCheck.Verdict verdict =
        check.evaluate(
            List.of(
                live("w1", 6_117_000, 4000, 240.0, 0),
                live("w2", 4_117_000, 4000, 30.0, 0),
                backlog("w1", 0, 0, null)),
            NOW);

    assertThat(verdict.ok()).isFalse();
    assertThat(verdict.detail())
        .startsWith(
            "ingestion behind: live lane 10,234,000 readings queued (limit 10,000), lag 4 min"
                + " (limit 2 min); backlog lane 0 readings queued");
  }

  @Test
  void backlogLaneIsJudgedByItsQueueNotItsLag() {
    IngestProgressCheck.Verdict old =
        check.evaluate(List.of(live("w1", 0, 0, 1.0, 0), backlog("w1", 10, 1, 86_400.0)), NOW);
    IngestProgressCheck.Verdict full =
        check.evaluate(List.of(live("w1", 0, 0, 1.0, 0), backlog("w1", 95_000, 1, 5.0)), NOW);

    assertThat(old.ok()).isTrue();
    assertThat(full.ok()).isFalse();
    assertThat(full.detail()).contains("backlog lane 95,000 readings queued (limit 90,000)");
  }

  @Test
  void messagesWaitingUnacknowledgedAreAStallAndCountAsLag() {
    IngestProgressCheck.Verdict verdict =
        check.evaluate(List.of(live("w1", 0, 12, 0.5, 75), backlog("w1", 0, 0, null)), NOW);

    assertThat(verdict.ok()).isFalse();
    assertThat(verdict.detail())
        .contains("live lane 12 messages in flight, none acknowledged for 75.0 s");
    assertThat(verdict.lanes().get(0).lagSeconds()).isEqualTo(75.0);
  }

  @Test
  void staleReportsAreNotCountedAndNoFreshReportFails() {
    LaneProgress stale =
        new LaneProgress(
            "w-gone", "live", NOW.minus(Duration.ofMinutes(5)), true, 0, 99_999, 1.0, null, 0);

    IngestProgressCheck.Verdict verdict = check.evaluate(List.of(stale), NOW);

    assertThat(verdict.ok()).isFalse();
    assertThat(verdict.detail())
        .isEqualTo(
            "no ingesting process reported in the last 30 s (last report from w-gone 5 min ago):"
                + " is a worker running?");
    assertThat(check.evaluate(List.of(), NOW).detail())
        .isEqualTo("no ingesting process reported in the last 30 s: is a worker running?");
  }

  @Test
  void anUnsubscribedLaneIsNamedWithItsProcess() {
    LaneProgress unsubscribed = new LaneProgress("w2", "live", NOW, false, 0, 0, null, null, 0);

    IngestProgressCheck.Verdict verdict =
        check.evaluate(List.of(live("w1", 0, 0, 1.0, 0), unsubscribed), NOW);

    assertThat(verdict.ok()).isFalse();
    assertThat(verdict.detail()).contains("not subscribed on w2");
  }

  private static LaneProgress live(
      String process, int queued, int inFlight, Double lag, long stalled) {
    return new LaneProgress(
        process, "live", NOW.minusSeconds(3), true, inFlight, queued, lag, NOW, stalled);
  }

  private static LaneProgress backlog(String process, int queued, int inFlight, Double lag) {
    return new LaneProgress(
        process, "backlog", NOW.minusSeconds(3), true, inFlight, queued, lag, NOW, 0);
  }
}
