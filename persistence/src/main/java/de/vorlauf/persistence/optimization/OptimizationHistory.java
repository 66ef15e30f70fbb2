package de.vorlauf.persistence.optimization;

import de.vorlauf.persistence.jdbc.SqlTime;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The building page's read of what the optimiser did for one building over a range (issue 23):
 * results of one origin with their baseline and fallback, the predicted heat of each target hour
 * beside the heat measured in that hour, and the setpoint commands with their delivery state (V150,
 * V160). Every read is a range scan of an index that starts with the building: the unique key of
 * {@code optimization_results}, {@code demand_predictions_key}, {@code setpoint_commands_building}.
 */
public final class OptimizationHistory {

  /** One stored optimisation. */
  public record Result(
      Instant asOf,
      String origin,
      double recommendedFlowC,
      Double baselineFlowC,
      double recommendedRoomC,
      boolean sendRoomSetpoint,
      double predictedSavingsPct,
      double confidence,
      List<String> violatedConstraints,
      Instant validUntil,
      String fallback,
      String fallbackReason,
      String predictionMissing,
      String model,
      Integer modelVersion,
      String publishedCommandId) {}

  /**
   * The newest prediction for one target hour and the heat measured in it.
   *
   * @param actualKw the hour's mean of the ETL's heat power ({@code building_features}, {@code
   *     heat_power_total_kw}), else of the heat meter's hourly rollup; null when neither has it
   * @param actualSource {@code features}, {@code meter} or null
   */
  public record HeatHour(
      Instant targetHour,
      Instant asOf,
      double predictedKw,
      Double uncertaintyKw,
      String model,
      int version,
      Double actualKw,
      String actualSource) {}

  /** One setpoint command and where its delivery stands. */
  public record Command(
      String commandId,
      String deviceId,
      int circuit,
      Instant asOf,
      String origin,
      double flowTempSetpoint,
      Double roomSetpoint,
      String state,
      int attempts,
      String reason,
      Instant queuedAt,
      Instant lastSentAt,
      Instant settledAt,
      Instant validUntil,
      Double appliedValue,
      Instant appliedAt,
      String supersededBy) {}

  private static final String ORIGINS =
      """
      SELECT DISTINCT origin FROM optimization_results
      WHERE building_id = ? AND as_of >= ? AND as_of < ?
      ORDER BY origin
      """;

  private static final String RESULTS =
      """
      SELECT as_of, origin, recommended_flow_c, baseline_flow_c, recommended_room_c,
             send_room_setpoint, predicted_savings_pct, confidence, violated_constraints,
             valid_until, fallback, fallback_reason, prediction_missing, model, model_version,
             published_command_id
      FROM optimization_results
      WHERE building_id = ? AND origin = ? AND as_of >= ? AND as_of < ?
      ORDER BY as_of
      """;

  // the newest prediction per target hour; measured heat from the 15-minute features of the hour
  // (complete or not), else the heat meter's hourly rollup
  private static final String HEAT =
      """
      SELECT p.target_hour, p.as_of, p.predicted_kw, p.uncertainty_kw, p.model, p.version,
             f.kw AS features_kw, m.kw AS meter_kw
      FROM (
          SELECT DISTINCT ON (target_hour) *
          FROM demand_predictions
          WHERE building_id = ? AND origin = ? AND target_hour >= ? AND target_hour < ?
          ORDER BY target_hour, as_of DESC) p
      LEFT JOIN LATERAL (
          SELECT avg(x.heat_power_total_kw) AS kw FROM building_features x
          WHERE x.building_id = p.building_id AND x.time >= p.target_hour
            AND x.time < p.target_hour + interval '1 hour') f ON true
      LEFT JOIN LATERAL (
          SELECT avg(h.avg_value) AS kw FROM series s
          JOIN readings_hourly h ON h.series_id = s.id AND h.bucket = p.target_hour
          WHERE s.building_id = p.building_id AND s.sensor_id = 'heat_power') m ON true
      ORDER BY p.target_hour
      """;

  private static final String COMMANDS =
      """
      SELECT command_id, device_id, circuit, as_of, origin, flow_temp_setpoint, room_setpoint,
             state, attempts, reason, queued_at, last_sent_at, settled_at, valid_until,
             applied_value, applied_at, superseded_by
      FROM setpoint_commands
      WHERE building_id = ? AND as_of >= ? AND as_of < ?
      ORDER BY as_of, circuit, queued_at
      """;

  private final DataSource dataSource;

  public OptimizationHistory(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** The origins with a result for the building in {@code [from, to)}, by name. */
  public List<String> origins(String buildingId, Instant from, Instant to) throws SQLException {
    List<String> origins = new ArrayList<>();
    query(ORIGINS, List.of(buildingId, from, to), rs -> origins.add(rs.getString(1)));
    return origins;
  }

  /** The building's results of one origin with as-of in {@code [from, to)}, oldest first. */
  public List<Result> results(String buildingId, String origin, Instant from, Instant to)
      throws SQLException {
    List<Result> rows = new ArrayList<>();
    query(RESULTS, List.of(buildingId, origin, from, to), rs -> rows.add(result(rs)));
    return rows;
  }

  /** Predicted against measured heat for target hours in {@code [from, to)}, oldest first. */
  public List<HeatHour> heat(String buildingId, String origin, Instant from, Instant to)
      throws SQLException {
    List<HeatHour> rows = new ArrayList<>();
    query(
        HEAT,
        List.of(buildingId, origin, from, to),
        rs -> {
          Double features = number(rs, "features_kw");
          Double meter = number(rs, "meter_kw");
          rows.add(
              new HeatHour(
                  SqlTime.instant(rs, "target_hour"),
                  SqlTime.instant(rs, "as_of"),
                  rs.getDouble("predicted_kw"),
                  number(rs, "uncertainty_kw"),
                  rs.getString("model"),
                  rs.getInt("version"),
                  features != null ? features : meter,
                  features != null ? "features" : meter != null ? "meter" : null));
        });
    return rows;
  }

  /** The building's setpoint commands (every origin) with as-of in {@code [from, to)}. */
  public List<Command> commands(String buildingId, Instant from, Instant to) throws SQLException {
    List<Command> rows = new ArrayList<>();
    query(COMMANDS, List.of(buildingId, from, to), rs -> rows.add(command(rs)));
    return rows;
  }

  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private void query(String sql, List<Object> args, RowReader reader) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        Object arg = args.get(i);
        statement.setObject(i + 1, arg instanceof Instant t ? SqlTime.utc(t) : arg);
      }
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    }
  }

  private static Result result(ResultSet rs) throws SQLException {
    int version = rs.getInt("model_version");
    Integer modelVersion = rs.wasNull() ? null : version;
    return new Result(
        SqlTime.instant(rs, "as_of"),
        rs.getString("origin"),
        rs.getDouble("recommended_flow_c"),
        number(rs, "baseline_flow_c"),
        rs.getDouble("recommended_room_c"),
        rs.getBoolean("send_room_setpoint"),
        rs.getDouble("predicted_savings_pct"),
        rs.getDouble("confidence"),
        texts(rs.getArray("violated_constraints")),
        SqlTime.instant(rs, "valid_until"),
        rs.getString("fallback"),
        rs.getString("fallback_reason"),
        rs.getString("prediction_missing"),
        rs.getString("model"),
        modelVersion,
        rs.getString("published_command_id"));
  }

  private static Command command(ResultSet rs) throws SQLException {
    return new Command(
        rs.getString("command_id"),
        rs.getString("device_id"),
        rs.getInt("circuit"),
        SqlTime.instant(rs, "as_of"),
        rs.getString("origin"),
        rs.getDouble("flow_temp_setpoint"),
        number(rs, "room_setpoint"),
        rs.getString("state"),
        rs.getInt("attempts"),
        rs.getString("reason"),
        SqlTime.instant(rs, "queued_at"),
        SqlTime.instant(rs, "last_sent_at"),
        SqlTime.instant(rs, "settled_at"),
        SqlTime.instant(rs, "valid_until"),
        number(rs, "applied_value"),
        SqlTime.instant(rs, "applied_at"),
        rs.getString("superseded_by"));
  }

  static Double number(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  private static List<String> texts(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    try {
      return List.of((String[]) array.getArray());
    } finally {
      array.free();
    }
  }
}
