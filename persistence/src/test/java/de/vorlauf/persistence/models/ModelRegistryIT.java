package de.vorlauf.persistence.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.domain.models.Alias;
import de.vorlauf.domain.models.Authority;
import de.vorlauf.domain.models.Change;
import de.vorlauf.domain.models.Stage;
import de.vorlauf.persistence.RepositoryDatabase;
import de.vorlauf.persistence.experiments.ArtifactPurgedException;
import de.vorlauf.persistence.experiments.ExperimentQueries;
import de.vorlauf.persistence.experiments.JdbcExperimentTracker;
import de.vorlauf.persistence.experiments.RunStart;
import de.vorlauf.persistence.experiments.RunStatus;
import de.vorlauf.persistence.experiments.UnknownRunException;
import de.vorlauf.testsupport.TestClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V130's model registry on a real PostgreSQL, as the application's role: registration from a run
 * (idempotent, refused without a finished run and its model), resolving by alias or number,
 * concurrent alias moves keeping the rules, and the log's append-only guarantee.
 */
class ModelRegistryIT {

  @TempDir static Path dbDir;
  private static RepositoryDatabase db;

  private JdbcExperimentTracker tracker;
  private ModelRegistry registry;
  private ModelCatalog catalog;
  private String model;

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
  void registry() {
    tracker = new JdbcExperimentTracker(db.dataSource(), Clock.systemUTC());
    registry = new ModelRegistry(db.dataSource());
    catalog = new ModelCatalog(db.dataSource());
    model = "m-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private long run(String key, RunStatus status, boolean withModel) throws SQLException {
    long id =
        tracker
            .startRun(new RunStart("exp-" + model, model + "/" + key, key, "0.1.0", "wf", "r"))
            .id();
    tracker.logMetric(id, "model.all.rmse_kw", 0.25);
    if (withModel) {
      tracker.logArtifact(
          id, VersionFile.MODEL.artifact(), "application/octet-stream", new byte[] {1, 2, 3});
    }
    if (status.terminal()) {
      tracker.finishRun(id, status);
    }
    return id;
  }

  private Registration register(long runId) throws SQLException {
    return registry.register(
        model,
        runId,
        "weekly",
        Map.of("source", "test"),
        new ChangeRequest("training t-1", "training finished", Map.of("rmseKw", 0.25)));
  }

  private static ChangeRequest why(String reason) {
    return ChangeRequest.of("alice", reason);
  }

  @Test
  void aRunRegisteredTwiceIsOneVersionAndLaterVersionsWaitForTheChallenger() throws Exception {
    long first = run("a", RunStatus.FINISHED, true);
    Registration registered = register(first);
    assertThat(registered.created()).isTrue();
    ModelVersion v1 = registered.version();
    assertThat(v1.version()).isEqualTo(1);
    assertThat(v1.runId()).isEqualTo(first);
    assertThat(v1.stage()).isEqualTo(Stage.STAGING);
    assertThat(v1.aliases()).containsExactly(Alias.CHALLENGER);
    assertThat(v1.metrics()).containsEntry("model.all.rmse_kw", 0.25);
    assertThat(v1.tags()).containsEntry("source", "test");

    Registration again = register(first);
    assertThat(again.created()).isFalse();
    assertThat(again.version().version()).isEqualTo(1);

    ModelVersion v2 = register(run("b", RunStatus.FINISHED, true)).version();
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.stage()).isEqualTo(Stage.NONE);
    assertThat(catalog.versions(model)).extracting(ModelVersion::version).containsExactly(2, 1);

    List<RegistryLogEntry> log = catalog.log(model, null, 50);
    assertThat(log)
        .extracting(RegistryLogEntry::version, RegistryLogEntry::change)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, Change.Kind.REGISTERED),
            org.assertj.core.groups.Tuple.tuple(1, Change.Kind.ALIAS_SET),
            org.assertj.core.groups.Tuple.tuple(1, Change.Kind.REGISTERED));
    assertThat(log.get(2).authority()).isEqualTo(Authority.REGISTRATION);
    assertThat(log.get(2).evidence()).contains("\"runId\": " + first, "\"rmseKw\": 0.25");
  }

  @Test
  void aRegisteredVersionsFilesOutliveArtifactRetention() throws Exception {
    TestClock clock = new TestClock();
    JdbcExperimentTracker aging = new JdbcExperimentTracker(db.dataSource(), clock);
    ExperimentQueries queries = new ExperimentQueries(db.dataSource(), clock);
    aging.ensureExperiment("exp-" + model, "one day of artifacts", 1);
    tracker = aging;
    long registeredRun = run("kept", RunStatus.FINISHED, true);
    long plainRun = run("plain", RunStatus.FINISHED, true);
    register(registeredRun);

    clock.advance(Duration.ofDays(2));
    tracker.finishRun(run("later", RunStatus.RUNNING, false), RunStatus.FINISHED); // purges

    assertThat(queries.artifact(registeredRun, VersionFile.MODEL.artifact())).isPresent();
    assertThatThrownBy(() -> queries.artifact(plainRun, VersionFile.MODEL.artifact()))
        .isInstanceOf(ArtifactPurgedException.class);
  }

  @Test
  void theChampionTheChallengerOrVersionNIsOneCall() throws Exception {
    register(run("a", RunStatus.FINISHED, true));
    register(run("b", RunStatus.FINISHED, true));
    assertThat(catalog.resolve(model, "champion")).isEmpty();
    assertThat(catalog.resolve(model, "challenger").orElseThrow().version()).isEqualTo(1);
    registry.setAlias(model, Alias.CHAMPION, 2, Authority.MANUAL_BEFORE_PROMOTION, why("better"));
    assertThat(catalog.resolve(model, "champion").orElseThrow().version()).isEqualTo(2);
    assertThat(catalog.resolve(model, "champion").orElseThrow().stage())
        .isEqualTo(Stage.PRODUCTION);
    assertThat(catalog.resolve(model, "v1").orElseThrow().aliases())
        .containsExactly(Alias.CHALLENGER);
    assertThat(catalog.resolve(model, "9")).isEmpty();
    assertThat(catalog.resolve(model, "latest")).isEmpty();
    assertThatThrownBy(() -> catalog.resolve("no-such-model", "champion"))
        .isInstanceOf(UnknownModelException.class);
    assertThat(catalog.model(model).orElseThrow())
        .extracting(RegisteredModel::champion, RegisteredModel::challenger)
        .containsExactly(2, 1);
  }

  @Test
  void onlyAFinishedRunWithItsModelBecomesAVersionAndRuleRefusalsSayWhy() throws Exception {
    assertThatThrownBy(() -> register(run("running", RunStatus.RUNNING, true)))
        .isInstanceOf(RegistryRefusedException.class)
        .hasMessageContaining("is RUNNING");
    assertThatThrownBy(() -> register(run("bare", RunStatus.FINISHED, false)))
        .isInstanceOf(RegistryRefusedException.class)
        .hasMessageContaining("stored no model/heat-demand.onnx");
    assertThatThrownBy(() -> register(Long.MAX_VALUE)).isInstanceOf(UnknownRunException.class);

    register(run("a", RunStatus.FINISHED, true));
    registry.setAlias(model, Alias.CHAMPION, 1, Authority.MANUAL_BEFORE_PROMOTION, why("go"));
    assertThatThrownBy(
            () ->
                registry.setAlias(
                    model, Alias.CHALLENGER, 1, Authority.MANUAL_BEFORE_PROMOTION, why("both")))
        .isInstanceOf(RegistryRefusedException.class)
        .hasMessageContaining("cannot also be the challenger");
    assertThatThrownBy(() -> registry.archive(model, 1, why("old")))
        .hasMessageContaining("is the champion");
    assertThat(catalog.log(model, null, 50)).hasSize(4); // refusals log nothing
  }

  /** Eight threads moving both aliases of one model at once never break the rules. */
  @Test
  void concurrentAliasMovesKeepTheInvariants() throws Exception {
    for (int i = 0; i < 4; i++) {
      register(run("c" + i, RunStatus.FINISHED, true));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> moves = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        Random random = new Random(t);
        moves.add(
            pool.submit(
                (Callable<Integer>)
                    () -> {
                      int applied = 0;
                      for (int i = 0; i < 15; i++) {
                        Alias alias = Alias.values()[random.nextInt(2)];
                        try {
                          registry.setAlias(
                              model,
                              alias,
                              1 + random.nextInt(4),
                              Authority.MANUAL_BEFORE_PROMOTION,
                              why("race"));
                          applied++;
                        } catch (RegistryRefusedException refused) {
                          // the champion asked to become the challenger: refused, fine
                        }
                      }
                      return applied;
                    }));
      }
      for (Future<Integer> move : moves) {
        move.get();
      }
    } finally {
      pool.shutdownNow();
    }
    List<ModelVersion> versions = catalog.versions(model);
    assertThat(versions).filteredOn(v -> v.stage() == Stage.PRODUCTION).hasSize(1);
    assertThat(versions).filteredOn(v -> v.stage() == Stage.STAGING).hasSizeLessThanOrEqualTo(1);
    for (ModelVersion v : versions) {
      assertThat(v.aliases().contains(Alias.CHAMPION)).isEqualTo(v.stage() == Stage.PRODUCTION);
      assertThat(v.aliases().contains(Alias.CHALLENGER)).isEqualTo(v.stage() == Stage.STAGING);
    }
    // the log replays to the same state: every move was recorded, in order
    List<RegistryLogEntry> log = catalog.log(model, null, 10_000);
    Map<Integer, Stage> replayed = new java.util.HashMap<>();
    for (int i = log.size() - 1; i >= 0; i--) {
      replayed.put(log.get(i).version(), log.get(i).toStage());
    }
    for (ModelVersion v : versions) {
      assertThat(replayed.get(v.version())).as("version %d", v.version()).isEqualTo(v.stage());
    }
  }

  @Test
  void theLogRefusesUpdateDeleteAndTruncateForTheApplicationsRole() throws Exception {
    register(run("a", RunStatus.FINISHED, true));
    long id = catalog.log(model, null, 1).get(0).id();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT current_user, r.rolsuper, t.tableowner = current_user,"
                  + " has_table_privilege('model_registry_log', 'UPDATE'),"
                  + " has_table_privilege('model_registry_log', 'DELETE'),"
                  + " has_table_privilege('model_registry_log', 'INSERT')"
                  + " FROM pg_roles r, pg_tables t"
                  + " WHERE r.rolname = current_user AND t.tablename = 'model_registry_log'")) {
        rs.next();
        // the role the application connects as: the schema's owner, not a superuser
        assertThat(rs.getString(1)).isEqualTo("vorlauf");
        assertThat(rs.getBoolean(2)).isFalse();
        assertThat(rs.getBoolean(3)).isTrue();
        assertThat(rs.getBoolean(4)).isFalse();
        assertThat(rs.getBoolean(5)).isFalse();
        assertThat(rs.getBoolean(6)).isTrue();
      }
      for (String sql :
          List.of(
              "UPDATE model_registry_log SET reason = 'rewritten' WHERE id = " + id,
              "DELETE FROM model_registry_log WHERE id = " + id,
              "TRUNCATE model_registry_log")) {
        assertThatThrownBy(() -> s.execute(sql))
            .as(sql)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("model_registry_log");
      }
      // the owner may grant itself UPDATE back; the trigger still refuses
      s.execute("GRANT UPDATE, DELETE ON model_registry_log TO CURRENT_USER");
      assertThatThrownBy(
              () -> s.execute("UPDATE model_registry_log SET reason = 'x' WHERE id = " + id))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.execute("DELETE FROM model_registry_log WHERE id = " + id))
          .hasMessageContaining("append-only");
      s.execute("REVOKE UPDATE, DELETE ON model_registry_log FROM CURRENT_USER");
    }
    assertThat(catalog.log(model, null, 10)).extracting(RegistryLogEntry::id).contains(id);
  }
}
