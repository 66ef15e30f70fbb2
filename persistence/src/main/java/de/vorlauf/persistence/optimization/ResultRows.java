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
import java.util.List;

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

  /**
   * Inserts the predictions of calls that have one in one batch (one round trip), for calls stored
   * once each: a conflict is an error, not an existing row.
   *
   * @return the new rows' ids, in the order given
   */
  static long[] insertPredictions(Connection c, List<NewOptimization> withDemand)
      throws SQLException {
    long[] ids = new long[withDemand.size()];
    try (PreparedStatement statement = c.prepareStatement(PREDICTION_ROW, new String[] {"id"})) {
      for (NewOptimization optimization : withDemand) {
        bindPrediction(statement, optimization);
        statement.addBatch();
      }
      statement.executeBatch();
      try (ResultSet keys = statement.getGeneratedKeys()) {
        for (int i = 0; i < ids.length; i++) {
          if (!keys.next()) {
            throw new SQLException("the database returned " + i + " of " + ids.length + " ids");
          }
          ids[i] = keys.getLong(1);
        }
      }
    }
    return ids;
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
   * Inserts results in one batch (one round trip), for calls stored once each: a conflict is an
   * error, not an existing row.
   *
   * @param predictionIds each result's prediction, null where it has none
   * @return the new rows, in the order given
   */
  static List<Inserted> insertResults(
      Connection c, List<NewOptimization> optimizations, List<Long> predictionIds)
      throws SQLException {
    List<Inserted> inserted = new ArrayList<>(optimizations.size());
    try (PreparedStatement s = c.prepareStatement(RESULT_ROW, new String[] {"id", "created_at"})) {
      for (int i = 0; i < optimizations.size(); i++) {
        bindResult(c, s, optimizations.get(i), predictionIds.get(i));
        s.addBatch();
      }
      s.executeBatch();
      try (ResultSet keys = s.getGeneratedKeys()) {
        while (keys.next()) {
          inserted.add(new Inserted(keys.getLong("id"), SqlTime.instant(keys, "created_at")));
        }
      }
    }
    if (inserted.size() != optimizations.size()) {
      throw new SQLException(
          "the database returned " + inserted.size() + " of " + optimizations.size() + " rows");
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
