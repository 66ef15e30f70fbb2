package de.vorlauf.persistence.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.domain.optimization.DemandPrediction;
import de.vorlauf.domain.optimization.Fallback;
import de.vorlauf.domain.optimization.OptimizationResult;
import de.vorlauf.persistence.RepositoryDatabase;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V150's results and predictions on a real PostgreSQL: a store is idempotent per building, instant
 * and origin (the prediction included), reads give back what was stored, the newest per building
 * and a range, and retention removes by age, twice harmlessly.
 */
class OptimizationStoreIT {

  private static final Instant T0 = Instant.parse("2026-01-12T10:00:00Z");
  private static final Duration RETENTION = Duration.ofDays(30);

  @TempDir static Path dbDir;
  private static RepositoryDatabase db;

  private OptimizationStore store;
  private String building;

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
  void fresh() {
    store = new OptimizationStore(db.dataSource(), RETENTION);
    building = "opt-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aRetriedStoreFindsTheFirstResultAndAddsNeitherResultNorPrediction() throws Exception {
    OptimizationResult first =
        modelBased(building, T0, 41.5, new DemandPrediction("hd", 3, 12.5, 0.8));
    OptimizationStore.Stored stored = store.store(optimization("hourly", first));

    assertThat(stored.created()).isTrue();
    StoredOptimization row = stored.optimization();
    assertThat(row.result()).isEqualTo(first);
    assertThat(row.model()).isEqualTo("hd");
    assertThat(row.modelVersion()).isEqualTo(3);
    assertThat(row.published()).isFalse();

    // a retry that (say) predicted and optimised differently must not replace the first
    OptimizationResult retry =
        modelBased(building, T0, 39.0, new DemandPrediction("hd", 3, 13.0, 0.8));
    OptimizationStore.Stored again = store.store(optimization("hourly", retry));

    assertThat(again.created()).isFalse();
    assertThat(again.optimization().result()).isEqualTo(first);
    assertThat(count("optimization_results")).isOne();
    assertThat(count("demand_predictions")).isOne();
    assertThat(predictedKw()).isEqualTo(12.5);

    // another origin at the same instant is another result
    assertThat(store.store(optimization("closed-loop", retry)).created()).isTrue();
    assertThat(count("optimization_results")).isEqualTo(2);
  }

  @Test
  void twoOptimisationsInOneHourKeepTheirOwnPredictions() throws Exception {
    Instant later = T0.plusSeconds(1500);
    store.store(
        new NewOptimization(
            "closed-loop",
            modelBased(building, T0, 40, new DemandPrediction("hd", 3, 12, 1)),
            T0,
            T0,
            null));
    store.store(
        new NewOptimization(
            "closed-loop",
            modelBased(building, later, 41, new DemandPrediction("hd", 3, 14, 1)),
            T0,
            T0,
            null));

    assertThat(store.find(building, T0, "closed-loop").orElseThrow().result().demand().heatKw())
        .isEqualTo(12);
    assertThat(store.find(building, later, "closed-loop").orElseThrow().result().demand().heatKw())
        .isEqualTo(14);
    assertThat(count("demand_predictions")).isEqualTo(2);
  }

  @Test
  void everyRealtimeCallIsStoredEvenForOneInstantAndTheScheduledKeyStaysIdempotent()
      throws Exception {
    OptimizationResult result =
        modelBased(building, T0, 41.5, new DemandPrediction("hd", 3, 12.5, 0.8));
    List<String> requests = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String request = UUID.randomUUID().toString();
      requests.add(request);
      OptimizationStore.Stored stored =
          store.store(
              new NewOptimization(
                  NewOptimization.REALTIME, result, T0, T0, null, request, "bms-" + i));
      assertThat(stored.created()).isTrue();
      assertThat(stored.optimization().result()).isEqualTo(result);
    }
    assertThat(count("optimization_results")).isEqualTo(3);
    assertThat(count("demand_predictions")).isEqualTo(3);
    assertThat(
            query(
                "SELECT count(DISTINCT r.request_id) FROM optimization_results r JOIN"
                    + " demand_predictions p ON p.id = r.prediction_id AND p.request_id ="
                    + " r.request_id WHERE r.caller LIKE 'bms-%' AND r.building_id = '"
                    + building
                    + "'"))
        .isEqualTo(3);
    // the same request id again is the same call: found, not added
    assertThat(
            store
                .store(
                    new NewOptimization(
                        NewOptimization.REALTIME, result, T0, T0, null, requests.get(0), "bms-0"))
                .created())
        .isFalse();
    // the hourly run at the same instant: its own row, once
    assertThat(store.store(optimization("hourly", result)).created()).isTrue();
    assertThat(store.store(optimization("hourly", result)).created()).isFalse();
    assertThat(count("optimization_results")).isEqualTo(4);
    assertThat(store.find(building, T0, "hourly")).isPresent();
    // a realtime row needs its request id, and only it has one
    assertThatThrownBy(() -> optimization(NewOptimization.REALTIME, result))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void realtimeCallsStoredTogetherReadBackAsReturnedEachWithItsOwnPrediction() throws Exception {
    List<NewOptimization> calls = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Instant asOf = T0.plusMillis(1_234 * i);
      OptimizationResult result =
          switch (i) {
            case 2 -> fallback(building, asOf);
            // constraints that need quoting in an array, none known baseline or uncertainty
            case 3 ->
                new OptimizationResult(
                    building,
                    asOf,
                    43,
                    20.5,
                    true,
                    Double.NaN,
                    -2.5,
                    0.4,
                    List.of("comfort minimum", "a \"quoted\", {braced} one", "back\\slash", ""),
                    List.of("equipment maximum flow: the heat needed asks for more"),
                    asOf.plus(Duration.ofHours(1)),
                    null,
                    null,
                    new DemandPrediction("hd", 3, 13, Double.NaN));
            default ->
                modelBased(building, asOf, 40 + i, new DemandPrediction("hd", 3, 10 + i, 0.5));
          };
      calls.add(
          new NewOptimization(
              NewOptimization.REALTIME,
              result,
              T0,
              T0,
              i == 2 ? "NO_MODEL" : null,
              UUID.randomUUID().toString(),
              "bms-" + i));
    }

    List<StoredOptimization> stored = storeCalls(calls);

    assertThat(stored)
        .extracting(StoredOptimization::result)
        .containsExactlyElementsOf(calls.stream().map(NewOptimization::result).toList());
    // what the writer answers is what a read gives: ids, creation time, model, the missing reason
    assertThat(store.range(building, T0, T0.plusSeconds(60)))
        .containsExactlyInAnyOrderElementsOf(stored);
    assertThat(stored.get(2).model()).isNull();
    assertThat(stored.get(2).predictionMissing()).isEqualTo("NO_MODEL");
    assertThat(count("optimization_results")).isEqualTo(5);
    assertThat(count("demand_predictions")).isEqualTo(4);
    assertThat(
            query(
                "SELECT count(*) FROM optimization_results r JOIN demand_predictions p"
                    + " ON p.id = r.prediction_id AND p.request_id = r.request_id"
                    + " AND p.predicted_kw = r.recommended_flow_c - 30 WHERE r.building_id = '"
                    + building
                    + "'"))
        .isEqualTo(4);
  }

  @Test
  void realtimeCallsStoredTogetherAreAllOrNothing() throws Exception {
    OptimizationResult result =
        modelBased(building, T0, 41.5, new DemandPrediction("hd", 3, 12.5, 0.8));
    String request = UUID.randomUUID().toString();
    storeCalls(
        List.of(new NewOptimization(NewOptimization.REALTIME, result, T0, T0, null, request, "a")));
    // the second call repeats the first one's request id: a unique key violation, so neither of
    // the batch's two is stored
    List<NewOptimization> batch =
        List.of(
            new NewOptimization(
                NewOptimization.REALTIME, result, T0, T0, null, UUID.randomUUID().toString(), "b"),
            new NewOptimization(NewOptimization.REALTIME, result, T0, T0, null, request, "c"));

    assertThatThrownBy(() -> storeCalls(batch)).isInstanceOf(SQLException.class);
    assertThat(count("optimization_results")).isOne();
    assertThat(count("demand_predictions")).isOne();
    assertThatThrownBy(() -> storeCalls(List.of(optimization("hourly", result))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCallWriterKeepsItsConnectionAndTakesAFreshOneAfterAFailure() throws Exception {
    OptimizationResult result =
        modelBased(building, T0, 41.5, new DemandPrediction("hd", 3, 12.5, 0.8));
    String request = UUID.randomUUID().toString();
    AtomicInteger borrows = new AtomicInteger();
    DataSource counting =
        (DataSource)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getConnection")) {
                    borrows.incrementAndGet();
                  }
                  return method.invoke(db.dataSource(), args);
                });
    try (OptimizationStore.CallWriter writer =
        new OptimizationStore(counting, RETENTION).callWriter()) {
      writer.write(List.of(realtime(result, request)));
      writer.write(List.of(realtime(result, UUID.randomUUID().toString())));
      assertThat(borrows).hasValue(1);
      // the same request id again: the key refuses it, and the writer gives its connection back
      assertThatThrownBy(() -> writer.write(List.of(realtime(result, request))))
          .isInstanceOf(SQLException.class);
      List<StoredOptimization> after =
          writer.write(List.of(realtime(result, UUID.randomUUID().toString())));

      assertThat(borrows).hasValue(2);
      assertThat(after).hasSize(1);
      assertThat(count("optimization_results")).isEqualTo(3);
      assertThat(count("demand_predictions")).isEqualTo(3);
    }
  }

  /** Real-time calls stored together, as the endpoint's store does it. */
  private List<StoredOptimization> storeCalls(List<NewOptimization> calls) throws SQLException {
    try (OptimizationStore.CallWriter writer = store.callWriter()) {
      return writer.write(calls);
    }
  }

  private static NewOptimization realtime(OptimizationResult result, String requestId) {
    return new NewOptimization(NewOptimization.REALTIME, result, T0, T0, null, requestId, "bms");
  }

  @Test
  void aFallbackIsStoredWithItsCauseAndWhyNoPredictionWasMade() throws Exception {
    OptimizationResult fallback = fallback(building, T0);
    store.store(
        new NewOptimization("hourly", fallback, null, null, "model hd has no version champion"));

    StoredOptimization row = store.find(building, T0, "hourly").orElseThrow();

    assertThat(row.result()).isEqualTo(fallback);
    assertThat(row.predictionMissing()).isEqualTo("model hd has no version champion");
    assertThat(row.model()).isNull();
    assertThat(row.modelVersion()).isZero();
  }

  @Test
  void theNewestPerBuildingAndARangeAreRead() throws Exception {
    String other = building + "-b";
    for (int h = 0; h < 3; h++) {
      store.store(
          optimization("hourly", modelBased(building, T0.plusSeconds(3600L * h), 40 + h, null)));
    }
    store.store(optimization("hourly", modelBased(other, T0, 30, null)));

    var latest = store.latest(List.of(building, other, "nobody"));

    assertThat(latest).containsOnlyKeys(building, other);
    assertThat(latest.get(building).result().timestamp()).isEqualTo(T0.plusSeconds(7200));
    assertThat(latest.get(other).result().recommendedFlowC()).isEqualTo(30);
    assertThat(store.range(building, T0.plusSeconds(3600), T0.plusSeconds(7201)))
        .extracting(s -> s.result().recommendedFlowC())
        .containsExactly(41.0, 42.0);
  }

  @Test
  void publishingIsRecordedOnceWithItsCommandId() throws Exception {
    store.store(optimization("hourly", modelBased(building, T0, 40, null)));

    assertThat(store.markPublished(building, T0, "hourly", "c-1", T0.plusSeconds(5))).isTrue();
    assertThat(store.markPublished(building, T0, "hourly", "c-1", T0.plusSeconds(9))).isTrue();
    assertThat(store.markPublished(building, T0, "hourly", "c-2", T0.plusSeconds(9))).isFalse();

    StoredOptimization row = store.find(building, T0, "hourly").orElseThrow();
    assertThat(row.commandId()).isEqualTo("c-1");
  }

  @Test
  void retentionRemovesResultsAndPredictionsByAgeAndASecondRunNothing() throws Exception {
    Instant old = T0.minus(RETENTION).minus(Duration.ofHours(1));
    store.store(
        optimization("hourly", modelBased(building, old, 40, new DemandPrediction("hd", 1, 9, 1))));
    store.store(
        optimization("hourly", modelBased(building, T0, 41, new DemandPrediction("hd", 1, 10, 1))));

    store.applyRetention(T0);
    OptimizationStore.Removed second = store.applyRetention(T0);

    assertThat(second).isEqualTo(new OptimizationStore.Removed(0, 0));
    assertThat(store.range(building, old.minusSeconds(1), T0.plusSeconds(1)))
        .extracting(s -> s.result().timestamp())
        .containsExactly(T0);
    assertThat(store.find(building, T0, "hourly").orElseThrow().result().demand().heatKw())
        .isEqualTo(10);
    assertThat(count("demand_predictions")).isOne();
  }

  private static OptimizationResult modelBased(
      String building, Instant asOf, double flow, DemandPrediction demand) {
    return new OptimizationResult(
        building,
        asOf,
        flow,
        21.0,
        true,
        45.0,
        4.5,
        0.7,
        List.of("comfort minimum"),
        List.of(),
        asOf.plus(Duration.ofHours(1)),
        null,
        null,
        demand);
  }

  private static OptimizationResult fallback(String building, Instant asOf) {
    return new OptimizationResult(
        building,
        asOf,
        48.0,
        20.0,
        false,
        48.0,
        0,
        0,
        List.of(),
        List.of(),
        asOf.plus(Duration.ofHours(1)),
        Fallback.NO_MODEL,
        "no usable model version for the building",
        null);
  }

  private static NewOptimization optimization(String origin, OptimizationResult result) {
    Instant issued = result.timestamp();
    return new NewOptimization(origin, result, issued, issued, null);
  }

  private long count(String table) throws SQLException {
    return query("SELECT count(*) FROM " + table + " WHERE building_id = '" + building + "'");
  }

  private double predictedKw() throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT predicted_kw FROM demand_predictions WHERE building_id = '"
                    + building
                    + "'")) {
      rs.next();
      return rs.getDouble(1);
    }
  }

  private long query(String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
