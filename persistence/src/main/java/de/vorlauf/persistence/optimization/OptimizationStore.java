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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Optimisation results and the demand predictions they used ({@code optimization_results}, {@code
 * demand_predictions}, V150). A result is stored once per {@code (building, as of, origin)}: a
 * retried store finds the first one and changes nothing, the prediction included. Retention ({@link
 * #applyRetention}) removes both by age.
 */
public final class OptimizationStore {

  private static final String COLUMNS =
      """
      r.id, r.building_id, r.as_of, r.origin, r.recommended_flow_c, r.recommended_room_c,
      r.send_room_setpoint, r.baseline_flow_c, r.predicted_savings_pct, r.confidence,
      r.binding_constraints, r.violated_constraints, r.valid_until, r.fallback,
      r.fallback_reason, r.prediction_missing, r.model, r.model_version,
      r.published_command_id, r.published_at, r.created_at,
      p.predicted_kw, p.uncertainty_kw
      """;

  private static final String FROM =
      " FROM optimization_results r LEFT JOIN demand_predictions p ON p.id = r.prediction_id ";

  private static final String FIND =
      "SELECT " + COLUMNS + FROM + "WHERE r.building_id = ? AND r.as_of = ? AND r.origin = ?";

  // one backward scan of the unique key's index per building
  private static final String LATEST =
      """
      SELECT %s
      FROM unnest(?::text[]) AS b(id)
      CROSS JOIN LATERAL (
          SELECT * FROM optimization_results x
          WHERE x.building_id = b.id
          ORDER BY x.as_of DESC, x.created_at DESC
          LIMIT 1) r
      LEFT JOIN demand_predictions p ON p.id = r.prediction_id
      """
          .formatted(COLUMNS);

  private static final String RANGE =
      "SELECT "
          + COLUMNS
          + FROM
          + "WHERE r.building_id = ? AND r.as_of >= ? AND r.as_of < ? ORDER BY r.as_of, r.origin";

  // the existing row answers a retry: DO UPDATE would return it, but would also bump nothing
  // useful and take a row lock; the caller rolls back when no id comes back
  private static final String INSERT_PREDICTION =
      """
      INSERT INTO demand_predictions (building_id, model, version, issued_at, target_hour,
                                      predicted_kw, uncertainty_kw, origin)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (building_id, target_hour, model, version, origin, issued_at)
      DO UPDATE SET predicted_kw = EXCLUDED.predicted_kw, uncertainty_kw = EXCLUDED.uncertainty_kw
      RETURNING id
      """;

  private static final String INSERT_RESULT =
      """
      INSERT INTO optimization_results (building_id, as_of, origin, recommended_flow_c,
          recommended_room_c, send_room_setpoint, baseline_flow_c, predicted_savings_pct,
          confidence, binding_constraints, violated_constraints, valid_until, fallback,
          fallback_reason, prediction_missing, model, model_version, prediction_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (building_id, as_of, origin) DO NOTHING
      RETURNING id
      """;

  private static final String MARK_PUBLISHED =
      """
      UPDATE optimization_results SET published_command_id = ?, published_at = ?
      WHERE building_id = ? AND as_of = ? AND origin = ?
        AND (published_command_id IS NULL OR published_command_id = ?)
      """;

  private static final String DELETE_RESULTS = "DELETE FROM optimization_results WHERE as_of < ?";

  private static final String DELETE_PREDICTIONS =
      "DELETE FROM demand_predictions WHERE issued_at < ?";

  /** What a retention run removed. */
  public record Removed(int results, int predictions) {}

  /** A store's answer: the stored row, and whether this call wrote it. */
  public record Stored(StoredOptimization optimization, boolean created) {}

  private final DataSource dataSource;
  private final Duration retention;

  /**
   * @param retention results and predictions older than this (by their as-of / issue time) go
   */
  public OptimizationStore(DataSource dataSource, Duration retention) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive: " + retention);
    }
    this.retention = retention;
  }

  /**
   * Stores the result with its prediction in one transaction; when a result for the same building,
   * instant and origin is stored already, returns that one and writes nothing.
   */
  public Stored store(NewOptimization optimization) throws SQLException {
    OptimizationResult result = optimization.result();
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        Long predictionId = null;
        if (result.demand() != null) {
          predictionId = insertPrediction(c, optimization);
        }
        boolean created = insertResult(c, optimization, predictionId);
        if (created) {
          c.commit();
        } else {
          c.rollback();
        }
        StoredOptimization stored =
            find(c, result.buildingId(), result.timestamp(), optimization.origin())
                .orElseThrow(() -> new SQLException("the stored result vanished"));
        return new Stored(stored, created);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
  }

  /** The result stored for {@code (building, asOf, origin)}, if any. */
  public Optional<StoredOptimization> find(String buildingId, Instant asOf, String origin)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return find(c, buildingId, asOf, origin);
    }
  }

  /** Each building's newest result (any origin); buildings without one are absent. */
  public Map<String, StoredOptimization> latest(List<String> buildingIds) throws SQLException {
    Map<String, StoredOptimization> latest = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(LATEST)) {
      statement.setArray(1, c.createArrayOf("text", buildingIds.toArray()));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          StoredOptimization row = row(rs);
          latest.put(row.result().buildingId(), row);
        }
      }
    }
    return latest;
  }

  /** A building's results with as-of in {@code [from, to)}, oldest first. */
  public List<StoredOptimization> range(String buildingId, Instant from, Instant to)
      throws SQLException {
    List<StoredOptimization> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(RANGE)) {
      statement.setString(1, buildingId);
      statement.setObject(2, SqlTime.utc(from));
      statement.setObject(3, SqlTime.utc(to));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(row(rs));
        }
      }
    }
    return rows;
  }

  /**
   * Records the command published for a stored result. Idempotent: the same id again changes
   * nothing but the time; another id for a result published already is refused (false).
   */
  public boolean markPublished(
      String buildingId, Instant asOf, String origin, String commandId, Instant publishedAt)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(MARK_PUBLISHED)) {
      statement.setString(1, commandId);
      statement.setObject(2, SqlTime.utc(publishedAt));
      statement.setString(3, buildingId);
      statement.setObject(4, SqlTime.utc(asOf));
      statement.setString(5, origin);
      statement.setString(6, commandId);
      return statement.executeUpdate() == 1;
    }
  }

  /**
   * Removes results with an as-of, and predictions issued, before {@code asOf − retention}.
   * Idempotent: a second run with the same instant removes nothing.
   */
  public Removed applyRetention(Instant asOf) throws SQLException {
    Instant cutoff = asOf.minus(retention);
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (PreparedStatement results = c.prepareStatement(DELETE_RESULTS);
          PreparedStatement predictions = c.prepareStatement(DELETE_PREDICTIONS)) {
        results.setObject(1, SqlTime.utc(cutoff));
        int r = results.executeUpdate();
        predictions.setObject(1, SqlTime.utc(cutoff));
        int p = predictions.executeUpdate();
        c.commit();
        return new Removed(r, p);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
  }

  public Duration retention() {
    return retention;
  }

  private static long insertPrediction(Connection c, NewOptimization optimization)
      throws SQLException {
    OptimizationResult result = optimization.result();
    DemandPrediction demand = result.demand();
    try (PreparedStatement statement = c.prepareStatement(INSERT_PREDICTION)) {
      statement.setString(1, result.buildingId());
      statement.setString(2, demand.model());
      statement.setInt(3, demand.version());
      statement.setObject(4, SqlTime.utc(optimization.issuedAt()));
      statement.setObject(5, SqlTime.utc(optimization.targetHour()));
      statement.setDouble(6, demand.heatKw());
      setNumber(statement, 7, demand.uncertaintyKw());
      statement.setString(8, optimization.origin());
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static boolean insertResult(Connection c, NewOptimization optimization, Long predictionId)
      throws SQLException {
    OptimizationResult r = optimization.result();
    try (PreparedStatement s = c.prepareStatement(INSERT_RESULT)) {
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
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static Optional<StoredOptimization> find(
      Connection c, String buildingId, Instant asOf, String origin) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(FIND)) {
      statement.setString(1, buildingId);
      statement.setObject(2, SqlTime.utc(asOf));
      statement.setString(3, origin);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  private static StoredOptimization row(ResultSet rs) throws SQLException {
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
