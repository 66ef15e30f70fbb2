package de.vorlauf.persistence.optimization;

import de.vorlauf.domain.optimization.DemandPrediction;
import de.vorlauf.domain.optimization.Fallback;
import de.vorlauf.domain.optimization.OptimizationResult;
import de.vorlauf.persistence.jdbc.SqlTime;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a result and its prediction map to the rows of {@code optimization_results} and {@code
 * demand_predictions}, both ways: NaN is NULL, a fallback its enum name, constraints text arrays.
 */
final class ResultRows {

  static final String COLUMNS =
      """
      r.id, r.building_id, r.as_of, r.origin, r.recommended_flow_c, r.recommended_room_c,
      r.send_room_setpoint, r.baseline_flow_c, r.predicted_savings_pct, r.confidence,
      r.binding_constraints, r.violated_constraints, r.valid_until, r.fallback,
      r.fallback_reason, r.prediction_missing, r.model, r.model_version,
      r.published_command_id, r.published_at, r.created_at,
      p.predicted_kw, p.uncertainty_kw
      """;

  private static final String PREDICTION_ROW =
      """
      INSERT INTO demand_predictions (building_id, model, version, as_of, issued_at, target_hour,
                                      predicted_kw, uncertainty_kw, origin, request_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;

  // DO UPDATE, not DO NOTHING, so that RETURNING answers with an existing row's id too; when the
  // result turns out to be stored already the store rolls back, so a stored prediction never
  // changes
  private static final String INSERT_PREDICTION =
      PREDICTION_ROW
          + """
          ON CONFLICT (building_id, target_hour, model, version, origin, as_of, request_id)
          DO UPDATE SET predicted_kw = EXCLUDED.predicted_kw, uncertainty_kw = EXCLUDED.uncertainty_kw
          RETURNING id
          """;

  private static final String RESULT_ROW =
      """
      INSERT INTO optimization_results (building_id, as_of, origin, recommended_flow_c,
          recommended_room_c, send_room_setpoint, baseline_flow_c, predicted_savings_pct,
          confidence, binding_constraints, violated_constraints, valid_until, fallback,
          fallback_reason, prediction_missing, model, model_version, prediction_id, request_id,
          caller)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;

  private static final String INSERT_RESULT =
      RESULT_ROW
          + """
          ON CONFLICT (building_id, as_of, origin, request_id) DO NOTHING
          RETURNING id
          """;

  /**
   * Calls with their predictions ({@link #insertCalls}): one array per column, unnested into rows;
   * the constraints of all calls in one array each, every call's own a slice of it (1-based, empty
   * when the end is before the start). Instants as ISO-8601 text, cast by the database.
   */
  private static final String INSERT_CALLS =
      """
      WITH call AS MATERIALIZED (
          SELECT *
          FROM unnest(?::text[], ?::text[]::timestamptz[], ?::float8[], ?::float8[], ?::boolean[],
                      ?::float8[], ?::float8[], ?::float8[], ?::int[], ?::int[], ?::int[],
                      ?::int[], ?::text[]::timestamptz[], ?::text[], ?::text[], ?::text[],
                      ?::text[], ?::int[], ?::text[], ?::text[], ?::text[]::timestamptz[],
                      ?::text[]::timestamptz[], ?::float8[], ?::float8[])
               AS c(building_id, as_of, recommended_flow_c, recommended_room_c,
                    send_room_setpoint, baseline_flow_c, predicted_savings_pct, confidence,
                    binding_from, binding_to, violated_from, violated_to, valid_until, fallback,
                    fallback_reason, prediction_missing, model, model_version, request_id, caller,
                    issued_at, target_hour, predicted_kw, uncertainty_kw)
      ), prediction AS (
          INSERT INTO demand_predictions (building_id, model, version, as_of, issued_at,
                                          target_hour, predicted_kw, uncertainty_kw, origin,
                                          request_id)
          SELECT building_id, model, model_version, as_of, issued_at, target_hour, predicted_kw,
                 uncertainty_kw, ?, request_id
          FROM call WHERE model IS NOT NULL
          RETURNING id, request_id
      )
      INSERT INTO optimization_results (building_id, as_of, origin, recommended_flow_c,
          recommended_room_c, send_room_setpoint, baseline_flow_c, predicted_savings_pct,
          confidence, binding_constraints, violated_constraints, valid_until, fallback,
          fallback_reason, prediction_missing, model, model_version, prediction_id, request_id,
          caller)
      SELECT c.building_id, c.as_of, ?, c.recommended_flow_c, c.recommended_room_c,
             c.send_room_setpoint, c.baseline_flow_c, c.predicted_savings_pct, c.confidence,
             coalesce(b.constraints[c.binding_from:c.binding_to], '{}'),
             coalesce(b.violated[c.violated_from:c.violated_to], '{}'),
             c.valid_until, c.fallback, c.fallback_reason, c.prediction_missing, c.model,
             c.model_version, p.id, c.request_id, c.caller
      FROM call c
      CROSS JOIN (SELECT ?::text[] AS constraints, ?::text[] AS violated) b
      LEFT JOIN prediction p ON p.request_id = c.request_id
      RETURNING id, created_at, request_id
      """;

  /** A result row as inserted: its id and the database's creation time. */
  record Inserted(long id, Instant createdAt) {}

  private ResultRows() {}

  static long insertPrediction(Connection c, NewOptimization optimization) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(INSERT_PREDICTION)) {
      bindPrediction(statement, optimization);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void bindPrediction(PreparedStatement statement, NewOptimization optimization)
      throws SQLException {
    OptimizationResult result = optimization.result();
    DemandPrediction demand = result.demand();
    statement.setString(1, result.buildingId());
    statement.setString(2, demand.model());
    statement.setInt(3, demand.version());
    statement.setObject(4, SqlTime.utc(result.timestamp()));
    statement.setObject(5, SqlTime.utc(optimization.issuedAt()));
    statement.setObject(6, SqlTime.utc(optimization.targetHour()));
    statement.setDouble(7, demand.heatKw());
    setNumber(statement, 8, demand.uncertaintyKw());
    statement.setString(9, optimization.origin());
    statement.setString(10, optimization.requestId());
  }

  static boolean insertResult(Connection c, NewOptimization optimization, Long predictionId)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(INSERT_RESULT)) {
      bindResult(c, s, optimization, predictionId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Inserts calls that are each stored once (a conflict is an error, not an existing row) with
   * their predictions, in one statement: one round trip and one execution per table, whatever the
   * number of calls (as a JDBC batch, each row was an execution of its own and its check
   * constraints were read again each time: PostgreSQL was about a quarter of the machine's CPU
   * under the real-time benchmark, docs/benchmarks.md). The rows are matched to the calls by
   * request id.
   *
   * @return the new result rows, in the order given
   */
  static List<Inserted> insertCalls(Connection c, String origin, List<NewOptimization> calls)
      throws SQLException {
    int n = calls.size();
    String[] buildingIds = new String[n];
    String[] asOf = new String[n];
    Double[] flows = new Double[n];
    Double[] rooms = new Double[n];
    Boolean[] sendRooms = new Boolean[n];
    Double[] baselines = new Double[n];
    Double[] savings = new Double[n];
    Double[] confidences = new Double[n];
    List<String> binding = new ArrayList<>();
    List<String> violated = new ArrayList<>();
    Integer[] bindingFrom = new Integer[n];
    Integer[] bindingTo = new Integer[n];
    Integer[] violatedFrom = new Integer[n];
    Integer[] violatedTo = new Integer[n];
    String[] validUntil = new String[n];
    String[] fallbacks = new String[n];
    String[] fallbackReasons = new String[n];
    String[] predictionMissing = new String[n];
    String[] models = new String[n];
    Integer[] versions = new Integer[n];
    String[] requestIds = new String[n];
    String[] callers = new String[n];
    String[] issuedAt = new String[n];
    String[] targetHours = new String[n];
    Double[] predictedKw = new Double[n];
    Double[] uncertaintyKw = new Double[n];
    for (int i = 0; i < n; i++) {
      NewOptimization call = calls.get(i);
      OptimizationResult r = call.result();
      buildingIds[i] = r.buildingId();
      asOf[i] = r.timestamp().toString();
      flows[i] = r.recommendedFlowC();
      rooms[i] = r.recommendedRoomC();
      sendRooms[i] = r.sendRoomSetpoint();
      baselines[i] = numberOrNull(r.baselineFlowC());
      savings[i] = r.predictedSavingsPercent();
      confidences[i] = r.confidence();
      bindingFrom[i] = binding.size() + 1;
      binding.addAll(r.bindingConstraints());
      bindingTo[i] = binding.size();
      violatedFrom[i] = violated.size() + 1;
      violated.addAll(r.constraintsViolated());
      violatedTo[i] = violated.size();
      validUntil[i] = r.validUntil().toString();
      fallbacks[i] = r.fallback() == null ? null : r.fallback().name();
      fallbackReasons[i] = r.fallbackReason();
      predictionMissing[i] = call.predictionMissing();
      requestIds[i] = call.requestId();
      callers[i] = call.caller();
      DemandPrediction demand = r.demand();
      if (demand != null) {
        models[i] = demand.model();
        versions[i] = demand.version();
        issuedAt[i] = call.issuedAt().toString();
        targetHours[i] = call.targetHour().toString();
        predictedKw[i] = demand.heatKw();
        uncertaintyKw[i] = numberOrNull(demand.uncertaintyKw());
      }
    }
    Map<String, Inserted> byRequest = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(INSERT_CALLS)) {
      int i = 1;
      s.setArray(i++, c.createArrayOf("text", buildingIds));
      s.setArray(i++, c.createArrayOf("text", asOf));
      s.setArray(i++, c.createArrayOf("float8", flows));
      s.setArray(i++, c.createArrayOf("float8", rooms));
      s.setArray(i++, c.createArrayOf("bool", sendRooms));
      s.setArray(i++, c.createArrayOf("float8", baselines));
      s.setArray(i++, c.createArrayOf("float8", savings));
      s.setArray(i++, c.createArrayOf("float8", confidences));
      s.setArray(i++, c.createArrayOf("int4", bindingFrom));
      s.setArray(i++, c.createArrayOf("int4", bindingTo));
      s.setArray(i++, c.createArrayOf("int4", violatedFrom));
      s.setArray(i++, c.createArrayOf("int4", violatedTo));
      s.setArray(i++, c.createArrayOf("text", validUntil));
      s.setArray(i++, c.createArrayOf("text", fallbacks));
      s.setArray(i++, c.createArrayOf("text", fallbackReasons));
      s.setArray(i++, c.createArrayOf("text", predictionMissing));
      s.setArray(i++, c.createArrayOf("text", models));
      s.setArray(i++, c.createArrayOf("int4", versions));
      s.setArray(i++, c.createArrayOf("text", requestIds));
      s.setArray(i++, c.createArrayOf("text", callers));
      s.setArray(i++, c.createArrayOf("text", issuedAt));
      s.setArray(i++, c.createArrayOf("text", targetHours));
      s.setArray(i++, c.createArrayOf("float8", predictedKw));
      s.setArray(i++, c.createArrayOf("float8", uncertaintyKw));
      s.setString(i++, origin);
      s.setString(i++, origin);
      s.setArray(i++, c.createArrayOf("text", binding.toArray()));
      s.setArray(i, c.createArrayOf("text", violated.toArray()));
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          byRequest.put(
              rows.getString("request_id"),
              new Inserted(rows.getLong("id"), SqlTime.instant(rows, "created_at")));
        }
      }
    }
    List<Inserted> inserted = new ArrayList<>(n);
    for (String requestId : requestIds) {
      Inserted row = byRequest.get(requestId);
      if (row == null) {
        throw new SQLException(
            "the database returned " + byRequest.size() + " rows for " + n + " calls");
      }
      inserted.add(row);
    }
    return inserted;
  }

  private static void bindResult(
      Connection c, PreparedStatement s, NewOptimization optimization, Long predictionId)
      throws SQLException {
    OptimizationResult r = optimization.result();
    int i = 1;
    s.setString(i++, r.buildingId());
    s.setObject(i++, SqlTime.utc(r.timestamp()));
    s.setString(i++, optimization.origin());
    s.setDouble(i++, r.recommendedFlowC());
    s.setDouble(i++, r.recommendedRoomC());
    s.setBoolean(i++, r.sendRoomSetpoint());
    setNumber(s, i++, r.baselineFlowC());
    s.setDouble(i++, r.predictedSavingsPercent());
    s.setDouble(i++, r.confidence());
    s.setArray(i++, c.createArrayOf("text", r.bindingConstraints().toArray()));
    s.setArray(i++, c.createArrayOf("text", r.constraintsViolated().toArray()));
    s.setObject(i++, SqlTime.utc(r.validUntil()));
    s.setString(i++, r.fallback() == null ? null : r.fallback().name());
    s.setString(i++, r.fallbackReason());
    s.setString(i++, optimization.predictionMissing());
    s.setString(i++, r.demand() == null ? null : r.demand().model());
    if (r.demand() == null) {
      s.setNull(i++, Types.INTEGER);
      s.setNull(i, Types.BIGINT);
    } else {
      s.setInt(i++, r.demand().version());
      s.setLong(i, predictionId);
    }
    s.setString(++i, optimization.requestId());
    s.setString(++i, optimization.caller());
  }

  static StoredOptimization read(ResultSet rs) throws SQLException {
    String model = rs.getString("model");
    int version = rs.getInt("model_version");
    double predicted = rs.getDouble("predicted_kw");
    DemandPrediction demand =
        model == null || rs.wasNull()
            ? null
            : new DemandPrediction(model, version, predicted, number(rs, "uncertainty_kw"));
    String fallback = rs.getString("fallback");
    OptimizationResult result =
        new OptimizationResult(
            rs.getString("building_id"),
            SqlTime.instant(rs, "as_of"),
            rs.getDouble("recommended_flow_c"),
            rs.getDouble("recommended_room_c"),
            rs.getBoolean("send_room_setpoint"),
            number(rs, "baseline_flow_c"),
            rs.getDouble("predicted_savings_pct"),
            rs.getDouble("confidence"),
            texts(rs.getArray("binding_constraints")),
            texts(rs.getArray("violated_constraints")),
            SqlTime.instant(rs, "valid_until"),
            fallback == null ? null : Fallback.valueOf(fallback),
            rs.getString("fallback_reason"),
            demand);
    return new StoredOptimization(
        rs.getLong("id"),
        rs.getString("origin"),
        result,
        model,
        version,
        rs.getString("prediction_missing"),
        rs.getString("published_command_id"),
        SqlTime.instant(rs, "published_at"),
        SqlTime.instant(rs, "created_at"));
  }

  private static double number(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : value;
  }

  private static Double numberOrNull(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static void setNumber(PreparedStatement statement, int index, double value)
      throws SQLException {
    if (Double.isFinite(value)) {
      statement.setDouble(index, value);
    } else {
      statement.setNull(index, Types.DOUBLE);
    }
  }

  private static List<String> texts(Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }
}
