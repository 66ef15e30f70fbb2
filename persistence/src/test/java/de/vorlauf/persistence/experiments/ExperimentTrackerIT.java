package de.vorlauf.persistence.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.persistence.RepositoryDatabase;
import de.vorlauf.persistence.paging.PageRequest;
import de.vorlauf.testsupport.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V105's experiment tracking on a real PostgreSQL: the retry contract of {@link ExperimentTracker}
 * (a second attempt logs nothing twice), artifact checksums checked on read, retention, lineage
 * from the ETL's bookkeeping, and the run filters of {@link ExperimentQueries}.
 */
class ExperimentTrackerIT {

  @TempDir static Path dbDir;
  private static RepositoryDatabase db;

  private final TestClock clock = new TestClock();
  private JdbcExperimentTracker tracker;
  private ExperimentQueries queries;
  private String experiment;

  @BeforeAll
  static void start() {
    db = RepositoryDatabase.start(dbDir);
  }

  @AfterAll
  static void stop() {
    if (db != null) {
      db.close();
    }
  }

  @BeforeEach
  void tracker() {
    tracker = new JdbcExperimentTracker(db.dataSource(), clock);
    queries = new ExperimentQueries(db.dataSource(), clock);
    experiment = "exp-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private RunStart start(String key) {
    return new RunStart(experiment, key, "run " + key, "0.1.0+test", "wf-" + key, "r-" + key);
  }

  @Test
  void aRetriedAttemptFindsItsRunAndLogsNothingTwice() throws SQLException {
    TrackedRun first = null;
    // attempt 1 logs, then fails before finishing; attempt 2 logs everything again
    for (int attempt = 1; attempt <= 2; attempt++) {
      TrackedRun run = tracker.startRun(start(experiment + "/train"));
      first = first == null ? run : first;
      assertThat(run.id()).isEqualTo(first.id());
      assertThat(run.resumed()).isEqualTo(attempt == 2);
      tracker.logParams(run.id(), Map.of("epochs", "3", "learning_rate", "0.001"));
      tracker.setTags(run.id(), Map.of("attempt", String.valueOf(attempt)));
      tracker.logMetricSteps(
          run.id(),
          "loss",
          List.of(
              new MetricStep(0, 1.0 / attempt),
              new MetricStep(1, 0.5 / attempt),
              new MetricStep(2, 0.25 / attempt)));
      tracker.logMetric(run.id(), "rmse", 0.3 / attempt);
      tracker.logArtifact(
          run.id(), "model/model.bin", "application/octet-stream", bytes("model " + attempt));
    }
    tracker.finishRun(first.id(), RunStatus.FINISHED);
    tracker.finishRun(first.id(), RunStatus.FAILED);

    RunDetail detail = queries.run(first.id()).orElseThrow();
    assertThat(detail.series().get("loss"))
        .containsExactly(new MetricStep(0, 0.5), new MetricStep(1, 0.25), new MetricStep(2, 0.125));
    assertThat(detail.run().metrics()).containsExactly(Map.entry("rmse", 0.15));
    assertThat(detail.run().tags()).containsEntry("attempt", "2");
    assertThat(detail.params()).containsOnlyKeys("epochs", "learning_rate");
    assertThat(detail.artifacts())
        .singleElement()
        .satisfies(a -> assertThat(a.sha256()).isEqualTo(Checksums.sha256(bytes("model 2"))));
    assertThat(detail.run().status()).isEqualTo(RunStatus.FINISHED);
    assertThat(queries.runs(RunFilter.of(experiment), new PageRequest(0, 10)).total()).isEqualTo(1);
    assertThat(count("experiment_run_metric_steps", first.id())).isEqualTo(3);
  }

  @Test
  void aParameterDoesNotChangeItsValue() throws SQLException {
    long run = tracker.startRun(start(experiment + "/p")).id();
    tracker.logParams(run, Map.of("epochs", "3"));
    tracker.logParams(run, Map.of("epochs", "3"));
    assertThatThrownBy(() -> tracker.logParams(run, Map.of("epochs", "4")))
        .isInstanceOf(ParamConflictException.class)
        .hasMessageContaining("'epochs'")
        .hasMessageContaining("'3'")
        .hasMessageContaining("'4'");
    assertThatThrownBy(() -> tracker.logMetric(987_654_321L, "rmse", 1.0))
        .isInstanceOf(UnknownRunException.class);
  }

  @Test
  void aCorruptedArtifactIsRefusedOnRead() throws SQLException {
    long run = tracker.startRun(start(experiment + "/a")).id();
    ArtifactInfo info =
        tracker.logArtifact(run, "importance.json", "application/json", bytes("{}"));
    assertThat(info.sizeBytes()).isEqualTo(2);
    assertThat(queries.artifact(run, "importance.json").orElseThrow().content())
        .isEqualTo(bytes("{}"));

    db.execute(
        "UPDATE experiment_run_artifacts SET content = '\\x7b7d0a'::bytea WHERE run_id = " + run);

    assertThatThrownBy(() -> queries.artifact(run, "importance.json"))
        .isInstanceOf(ArtifactCorruptedException.class)
        .hasMessageContaining("importance.json")
        .hasMessageContaining(info.sha256())
        .hasMessageContaining("refused");
    assertThat(queries.artifact(run, "missing.json")).isEmpty();
  }

  @Test
  void retentionRemovesTheContentOfOldUnpinnedRunsAndKeepsTheirDescription() throws SQLException {
    tracker.ensureExperiment(experiment, "retention", 2);
    long old = tracker.startRun(start(experiment + "/old")).id();
    long pinned = tracker.startRun(start(experiment + "/pinned")).id();
    tracker.logArtifact(old, "model.bin", "application/octet-stream", bytes("old"));
    tracker.logArtifact(pinned, "model.bin", "application/octet-stream", bytes("pinned"));
    tracker.pin(pinned, true);
    tracker.finishRun(old, RunStatus.FINISHED);
    tracker.finishRun(pinned, RunStatus.FINISHED);

    clock.advance(Duration.ofDays(1));
    long next = tracker.startRun(start(experiment + "/next")).id();
    tracker.finishRun(next, RunStatus.FINISHED);
    assertThat(queries.artifact(old, "model.bin")).isPresent();

    clock.advance(Duration.ofDays(1).plusMinutes(1));
    // expired but not removed yet: refused on read all the same
    assertThatThrownBy(() -> queries.artifact(old, "model.bin"))
        .isInstanceOf(ArtifactPurgedException.class);
    long last = tracker.startRun(start(experiment + "/last")).id();
    tracker.finishRun(last, RunStatus.FINISHED);

    ArtifactInfo removed = queries.run(old).orElseThrow().artifacts().get(0);
    assertThat(removed.purgedAt()).isNotNull();
    assertThat(removed.sha256()).isEqualTo(Checksums.sha256(bytes("old")));
    assertThatThrownBy(() -> queries.artifact(old, "model.bin"))
        .isInstanceOf(ArtifactPurgedException.class)
        .hasMessageContaining("removed by retention");
    assertThat(queries.artifact(pinned, "model.bin").orElseThrow().content())
        .isEqualTo(bytes("pinned"));
  }

  @Test
  void lineageNamesTheEtlRunsOfTheWindowAsTheyWereWhenRecorded() throws SQLException {
    String b1 = experiment + "-b1";
    String b2 = experiment + "-b2";
    db.execute(
        etlDay(b1, "2026-11-01", "etl-nightly-1"),
        etlDay(b1, "2026-11-02", "etl-backfill-7"),
        etlDay(b2, "2026-11-01", "etl-nightly-1"),
        etlDay(b2, "2026-11-03", "etl-nightly-3"));
    long run = tracker.startRun(start(experiment + "/lineage")).id();
    FeatureWindow window =
        new FeatureWindow(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2), List.of(b1, b2));

    Lineage lineage = tracker.recordLineage(run, window, null);
    Lineage again = tracker.recordLineage(run, window, null);

    assertThat(lineage.buildingDays()).isEqualTo(3);
    assertThat(lineage.etlRuns())
        .extracting(Lineage.EtlRunRef::workflowId, Lineage.EtlRunRef::buildingDays)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("etl-nightly-1", 2),
            org.assertj.core.groups.Tuple.tuple("etl-backfill-7", 1));
    assertThat(again.dataFingerprint()).isEqualTo(lineage.dataFingerprint()).startsWith("etl:");

    // the ETL re-runs a day: the run keeps naming what it trained on
    db.execute(
        "UPDATE etl_building_days SET etl_run = 'etl-backfill-9' WHERE building_id = '"
            + b1
            + "' AND day = '2026-11-02'");
    Lineage stored = queries.run(run).orElseThrow().lineage();
    assertThat(stored.etlRuns())
        .extracting(Lineage.EtlRunRef::workflowId)
        .containsExactly("etl-nightly-1", "etl-backfill-7");
    assertThat(stored.window()).isEqualTo(window);
    assertThat(tracker.recordLineage(run, window, null).dataFingerprint())
        .isNotEqualTo(lineage.dataFingerprint());
    assertThat(tracker.recordLineage(run, window, "rows:abc").dataFingerprint())
        .isEqualTo("rows:abc");
  }

  @Test
  void runsAreFilteredByStatusTagParameterAndMetricRanges() throws SQLException {
    long a = tracker.startRun(start(experiment + "/a")).id();
    long b = tracker.startRun(start(experiment + "/b")).id();
    tracker.logParams(a, Map.of("learning_rate", "0.001", "optimizer", "adam"));
    tracker.logParams(b, Map.of("learning_rate", "0.01", "optimizer", "sgd"));
    tracker.setTags(a, Map.of("candidate", ""));
    tracker.logMetric(a, "rmse", 0.2);
    tracker.logMetric(b, "rmse", 0.4);
    tracker.finishRun(b, RunStatus.FAILED);

    assertThat(ids(filter(RunStatus.FAILED, null, null, null, null, null, null)))
        .containsExactly(b);
    assertThat(ids(filter(null, "candidate", null, null, null, null, null))).containsExactly(a);
    assertThat(ids(filter(null, null, "optimizer", "sgd", null, null, null))).containsExactly(b);
    assertThat(ids(filter(null, null, "learning_rate", null, 0.005, null, null)))
        .containsExactly(b);
    assertThat(ids(filter(null, null, null, null, null, "rmse", 0.3))).containsExactly(a);
    assertThat(ids(RunFilter.of(experiment))).containsExactly(b, a);
  }

  private RunFilter filter(
      RunStatus status,
      String tag,
      String param,
      String paramValue,
      Double paramMin,
      String metric,
      Double metricMax) {
    return new RunFilter(
        experiment, status, tag, null, param, paramValue, paramMin, null, metric, null, metricMax);
  }

  private List<Long> ids(RunFilter filter) throws SQLException {
    return queries.runs(filter, new PageRequest(0, 10)).items().stream()
        .map(RunSummary::id)
        .toList();
  }

  private static String etlDay(String building, String day, String etlRun) {
    return "INSERT INTO etl_building_days (building_id, day, etl_run, slots, mean_quality,"
        + " readings, bad_readings) VALUES ('"
        + building
        + "', '"
        + day
        + "', '"
        + etlRun
        + "', 96, 0.98, 5760, 3)";
  }

  private long count(String table, long runId) throws SQLException {
    try (var c = db.dataSource().getConnection();
        var s = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE run_id = ?")) {
      s.setLong(1, runId);
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
