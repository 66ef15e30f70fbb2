package de.vorlauf.webadmin.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.persistence.portfolio.PortfolioRun;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortfolioRunDtoTest {

  private static final Instant NOW = Instant.parse("2026-12-04T12:30:00Z");
  private static final Instant STARTED = Instant.parse("2026-12-04T12:05:00Z");

  @Test
  void aRunningRunWithoutProgressForTheStallTimeIsStalledAndLastsUntilItsLastProgress() {
    PortfolioRunDto stuck =
        PortfolioRunDto.of(
            run("RUNNING", NOW.minus(Duration.ofMinutes(16)), null), NOW, Duration.ofMinutes(15));
    assertThat(stuck.stalled()).isTrue();
    assertThat(stuck.durationSeconds()).isEqualTo(Duration.ofMinutes(9).toSeconds());
    PortfolioRunDto moving =
        PortfolioRunDto.of(
            run("RUNNING", NOW.minus(Duration.ofMinutes(14)), null), NOW, Duration.ofMinutes(15));
    assertThat(moving.stalled()).isFalse();
    assertThat(moving.durationSeconds()).isEqualTo(Duration.ofMinutes(25).toSeconds());
  }

  @Test
  void aFinishedRunIsNeverStalledAndCountsEveryOutcomeAsHandled() {
    Instant finished = STARTED.plusSeconds(95);
    PortfolioRunDto done =
        PortfolioRunDto.of(run("COMPLETED", finished, finished), NOW, Duration.ofMinutes(15));
    assertThat(done.stalled()).isFalse();
    assertThat(done.durationSeconds()).isEqualTo(95);
    assertThat(done.handled()).isEqualTo(10);
    assertThat(done.workflowPath()).isEqualTo("/workflows/portfolio%20hourly%2F1?run=r-1");
  }

  private static PortfolioRun run(String state, Instant updated, Instant finished) {
    return new PortfolioRun(
        7,
        "portfolio hourly/1",
        "r-1",
        Instant.parse("2026-12-04T12:00:00Z"),
        "hourly",
        state,
        20,
        4,
        3,
        2,
        1,
        Map.of("NO_ROOM_MEASUREMENT", 3L),
        STARTED,
        updated,
        finished,
        null);
  }
}
