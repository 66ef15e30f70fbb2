package de.vorlauf.persistence.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.persistence.RepositoryDatabase;
import de.vorlauf.persistence.portfolio.PortfolioRunStore.Counts;
import de.vorlauf.persistence.portfolio.PortfolioRunStore.Problem;
import de.vorlauf.persistence.portfolio.PortfolioRunStore.Run;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V161 as the portfolio run fills it, on a real PostgreSQL: begin once per run, absolute counts and
 * problem rows that a retry writes again without change, a finished run that stays finished, stale
 * RUNNING rows marked FAILED, and the active buildings cut into ranges by key.
 */
class PortfolioRunStoreIT {

  private static final Instant HOUR = Instant.parse("2026-12-04T14:00:00Z");
  private static final Instant T0 = Instant.parse("2026-12-04T14:05:01Z");

  @TempDir static Path dbDir;
  private static RepositoryDatabase db;

  private PortfolioRunStore store;
  private String workflowId;

  @BeforeAll
  static void start() throws Exception {
    db = RepositoryDatabase.start(dbDir);
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO buildings (id, name, time_zone, heating_type, active)"
                    + " VALUES (?, ?, 'Europe/Berlin', 'gas', ?)")) {
      for (int i = 0; i < 25; i++) {
        insert.setString(1, "pf-%03d".formatted(i));
        insert.setString(2, "building " + i);
        insert.setBoolean(3, i != 4); // pf-004 inactive
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  @AfterAll
  static void stop() {
    if (db != null) {
      db.close();
    }
  }

  @BeforeEach
  void fresh() {
    store = new PortfolioRunStore(db.dataSource());
    workflowId = "portfolio-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aRunIsBegunOnceAndItsProgressWrittenAbsolutely() throws Exception {
    long id = store.begin(workflowId, "r1", HOUR, "hourly", 100, T0);
    assertThat(store.begin(workflowId, "r1", HOUR, "hourly", 100, T0.plusSeconds(5))).isEqualTo(id);

    Counts halfway = new Counts(100, 40, 5, 1, 0, Map.of("NO_ROOM_MEASUREMENT", 5));
    List<Problem> skipped = List.of(new Problem("b1", "SKIPPED", "inactive", 1, false));
    store.record(id, halfway, skipped, PortfolioRunStore.RUNNING, null, T0.plusSeconds(10));
    // the activity retried: the same write again
    Run during =
        store
            .record(id, halfway, skipped, PortfolioRunStore.RUNNING, null, T0.plusSeconds(11))
            .orElseThrow();

    assertThat(during.state()).isEqualTo("RUNNING");
    assertThat(during.counts()).isEqualTo(halfway);
    assertThat(during.asOf()).isEqualTo(HOUR);
    assertThat(during.origin()).isEqualTo("hourly");
    assertThat(during.startedAt()).isEqualTo(T0);
    assertThat(during.updatedAt()).isEqualTo(T0.plusSeconds(11));
    assertThat(during.finishedAt()).isNull();
    assertThat(store.problems(id)).containsExactly(skipped.get(0));
  }

  @Test
  void aFinishedRunKeepsItsSummaryAndProblemRowsReplaceEarlierOnes() throws Exception {
    long id = store.begin(workflowId, "r1", HOUR, "hourly", 10, T0);
    store.record(
        id,
        new Counts(10, 5, 0, 0, 0, Map.of()),
        List.of(new Problem("b7", "FAILED", "broker timeout", 1, true)),
        PortfolioRunStore.RUNNING,
        null,
        T0.plusSeconds(1));
    Counts end = new Counts(10, 7, 1, 0, 2, Map.of("STALE_STATE", 1));
    Run finished =
        store
            .record(
                id,
                end,
                List.of(
                    new Problem("b7", "FAILED", "broker timeout", 3, true),
                    new Problem("b8", "FAILED", "invalid configuration: no curve", 1, false)),
                PortfolioRunStore.COMPLETED,
                null,
                T0.plusSeconds(40))
            .orElseThrow();

    assertThat(finished.state()).isEqualTo("COMPLETED");
    assertThat(finished.finishedAt()).isEqualTo(T0.plusSeconds(40));
    assertThat(finished.duration()).isEqualTo(Duration.ofSeconds(40));
    assertThat(store.problems(id))
        .containsExactly(
            new Problem("b7", "FAILED", "broker timeout", 3, true),
            new Problem("b8", "FAILED", "invalid configuration: no curve", 1, false));

    // a late write (a retried progress write, a cancellation) changes nothing
    Run after =
        store
            .record(
                id,
                new Counts(10, 1, 0, 0, 0, Map.of()),
                List.of(new Problem("b9", "SKIPPED", "inactive", 1, false)),
                PortfolioRunStore.FAILED,
                "cancelled",
                T0.plusSeconds(50))
            .orElseThrow();
    assertThat(after.state()).isEqualTo("COMPLETED");
    assertThat(after.counts()).isEqualTo(end);
    assertThat(after.error()).isNull();
    assertThat(store.problems(id)).hasSize(2);
  }

  @Test
  void runsLeftRunningByAGoneWorkflowAreMarkedFailedByALaterOne() throws Exception {
    long gone = store.begin(workflowId, "r1", HOUR, "hourly", 10, T0);
    long alsoStale =
        store.begin(workflowId + "-b", "r1", HOUR, "hourly", 10, T0.plusSeconds(3_000));

    int marked =
        store.markStale(
            T0.plusSeconds(3_600), workflowId + "-c", "r1", T0.plusSeconds(3_600 + 7_200));

    assertThat(marked).isGreaterThanOrEqualTo(2);
    Run failed = store.find(gone).orElseThrow();
    assertThat(failed.state()).isEqualTo("FAILED");
    assertThat(failed.error()).contains("terminated or timed out");
    assertThat(failed.finishedAt()).isNotNull();
    long now = store.begin(workflowId + "-d", "r1", HOUR, "hourly", 10, T0.plusSeconds(9_000));
    store.markStale(T0.plusSeconds(9_500), workflowId + "-d", "r1", T0.plusSeconds(9_500));
    assertThat(store.find(now).orElseThrow().state()).isEqualTo("RUNNING");
    assertThat(store.find(alsoStale).orElseThrow().state()).isEqualTo("FAILED");
  }

  @Test
  void activeBuildingsAreCutIntoRangesByKey() throws Exception {
    ActiveBuildingRanges ranges = new ActiveBuildingRanges(db.dataSource());

    ActiveBuildingRanges.Plan plan = ranges.plan(10);

    assertThat(plan.active()).isEqualTo(24);
    assertThat(plan.batchEnds()).containsExactly("pf-010", "pf-020");
    assertThat(ranges.ids(null, "pf-010")).hasSize(10).doesNotContain("pf-004");
    assertThat(ranges.ids("pf-010", "pf-020")).hasSize(10).startsWith("pf-011");
    assertThat(ranges.ids("pf-020", null)).containsExactly("pf-021", "pf-022", "pf-023", "pf-024");
  }
}
