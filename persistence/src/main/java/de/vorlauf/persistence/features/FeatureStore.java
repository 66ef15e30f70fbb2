package de.vorlauf.persistence.features;

import de.vorlauf.domain.features.BuildingDay;
import de.vorlauf.domain.features.CircuitFeatures;
import de.vorlauf.domain.features.FeatureRow;
import de.vorlauf.domain.features.Sample;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Writes the feature matrix: replaces one building-day at a time, so a re-run (retry, late data,
 * backfill over a processed range) replaces and never duplicates, and applies retention.
 */
public final class FeatureStore {

  private static final String DELETE_DAY =
      "DELETE FROM building_features WHERE building_id = ? AND time >= ? AND time < ?";

  private static final String INSERT =
      """
      INSERT INTO building_features (
          building_id, time, outdoor_temp, outdoor_temp_src, indoor_temp, indoor_temp_src,
          flow_temp, flow_temp_src, return_temp, return_temp_src, flow_rate, flow_rate_src,
          spread, heat_power_kw, heat_power_total_kw, metered_heat_power_kw,
          metered_heat_power_src, heat_power_disagreement_kw, heating_degree_hours, local_hour,
          day_of_week, holiday, quality, readings, bad_readings, etl_run)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;

  private static final String UPSERT_DAY =
      """
      INSERT INTO etl_building_days
          (building_id, day, etl_run, processed_at, slots, mean_quality, readings, bad_readings)
      VALUES (?, ?, ?, now(), ?, ?, ?, ?)
      ON CONFLICT (building_id, day) DO UPDATE SET
          etl_run = EXCLUDED.etl_run, processed_at = EXCLUDED.processed_at,
          slots = EXCLUDED.slots, mean_quality = EXCLUDED.mean_quality,
          readings = EXCLUDED.readings, bad_readings = EXCLUDED.bad_readings
      """;

  private static final String COPY =
      """
      COPY building_features (
          building_id, time, outdoor_temp, outdoor_temp_src, indoor_temp, indoor_temp_src,
          flow_temp, flow_temp_src, return_temp, return_temp_src, flow_rate, flow_rate_src,
          spread, heat_power_kw, heat_power_total_kw, metered_heat_power_kw,
          metered_heat_power_src, heat_power_disagreement_kw, heating_degree_hours, local_hour,
          day_of_week, holiday, quality, readings, bad_readings, etl_run)
      FROM STDIN
      """;

  // a mark set after the readings were read stays: those readings are not in these features
  private static final String CLEAR_DIRTY =
      "DELETE FROM etl_dirty_days WHERE building_id = ? AND day = ? AND marked_at < ?";

  // remove then add: the documented way to change a policy's parameters
  private static final String REMOVE_RETENTION =
      "SELECT remove_retention_policy('building_features', if_exists => true)";
  private static final String ADD_RETENTION =
      "SELECT add_retention_policy('building_features', drop_after => ?::interval)";

  private static final String DROP_OLD_DAYS =
      "DELETE FROM etl_building_days WHERE day < (?::timestamptz AT TIME ZONE 'UTC')::date";

  private final DataSource dataSource;
  private final FeaturePartitions partitions = new FeaturePartitions();

  public FeatureStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Replaces the features of {@code day} with {@code rows} in one transaction, records the day as
   * processed by {@code etlRun} and clears its dirty mark if it was set before {@code readAt} (the
   * time its readings were read).
   */
  public void replaceDay(BuildingDay day, List<FeatureRow> rows, String etlRun, Instant readAt)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      partitions.ensure(connection, day.start(), day.end());
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        try (PreparedStatement delete = connection.prepareStatement(DELETE_DAY)) {
          delete.setString(1, day.buildingId());
          delete.setObject(2, Sql.utc(day.start()));
          delete.setObject(3, Sql.utc(day.end()));
          delete.executeUpdate();
        }
        insert(connection, rows, etlRun);
        recordDay(connection, day, rows, etlRun, readAt);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  /**
   * Bulk-loads whole building-days computed elsewhere (the test data's features) with one {@code
   * COPY}, in one transaction: each day's old rows are deleted first and the day is recorded as
   * {@link #replaceDay} records it, so a loaded day reads exactly like one the ETL wrote.
   *
   * @return the rows copied
   */
  public long copyDays(Map<BuildingDay, List<FeatureRow>> days, String etlRun, Instant readAt)
      throws SQLException {
    if (days.isEmpty()) {
      return 0;
    }
    Instant from = days.keySet().stream().map(BuildingDay::start).min(Instant::compareTo).get();
    Instant to = days.keySet().stream().map(BuildingDay::end).max(Instant::compareTo).get();
    try (Connection connection = dataSource.getConnection()) {
      partitions.ensure(connection, from, to);
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        try (PreparedStatement delete = connection.prepareStatement(DELETE_DAY)) {
          for (BuildingDay day : days.keySet()) {
            delete.setString(1, day.buildingId());
            delete.setObject(2, Sql.utc(day.start()));
            delete.setObject(3, Sql.utc(day.end()));
            delete.addBatch();
          }
          delete.executeBatch();
        }
        long copied =
            connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(COPY, new StringReader(FeatureCopyText.of(days.values(), etlRun)));
        for (Map.Entry<BuildingDay, List<FeatureRow>> day : days.entrySet()) {
          recordDay(connection, day.getKey(), day.getValue(), etlRun, readAt);
        }
        connection.commit();
        return copied;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } catch (IOException e) {
        connection.rollback();
        throw new SQLException("COPY building_features: " + e.getMessage(), e);
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  /**
   * Drops feature rows older than {@code now − retention}: a TimescaleDB retention policy on the
   * hypertable, whole UTC months on plain PostgreSQL. Safe to call on every run.
   *
   * @return the months dropped (plain PostgreSQL; empty on TimescaleDB, whose job drops chunks)
   */
  public List<YearMonth> applyRetention(Duration retention, Instant now) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      List<YearMonth> dropped = List.of();
      if (partitions.partitioned(connection)) {
        dropped = partitions.dropExpired(connection, now, retention);
      } else {
        try (Statement remove = connection.createStatement();
            PreparedStatement add = connection.prepareStatement(ADD_RETENTION)) {
          remove.execute(REMOVE_RETENTION);
          add.setString(1, retention.toSeconds() + " seconds");
          add.execute();
        }
      }
      try (PreparedStatement days = connection.prepareStatement(DROP_OLD_DAYS)) {
        days.setObject(1, Sql.utc(now.minus(retention)));
        days.executeUpdate();
      }
      return dropped;
    }
  }

  private static void insert(Connection connection, List<FeatureRow> rows, String etlRun)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (FeatureRow row : rows) {
        int i = 1;
        insert.setString(i++, row.buildingId());
        insert.setObject(i++, Sql.utc(row.slot()));
        i = sample(insert, i, row.outdoorTemp());
        i = sample(insert, i, row.indoorTemp());
        i = circuitSamples(connection, insert, i, row, CircuitFeatures::flowTemp);
        i = circuitSamples(connection, insert, i, row, CircuitFeatures::returnTemp);
        i = circuitSamples(connection, insert, i, row, CircuitFeatures::flowRate);
        insert.setArray(
            i++, doubles(connection, row.circuits().stream().map(c -> c.spreadK()).toList()));
        insert.setArray(
            i++, doubles(connection, row.circuits().stream().map(c -> c.heatPowerKw()).toList()));
        number(insert, i++, row.heatPowerKw());
        i = sample(insert, i, row.meteredHeatPower());
        number(insert, i++, row.heatPowerDisagreementKw());
        number(insert, i++, row.heatingDegreeHours());
        insert.setShort(i++, (short) row.localHour());
        insert.setShort(i++, (short) row.dayOfWeek());
        insert.setBoolean(i++, row.holiday());
        insert.setDouble(i++, row.quality());
        insert.setInt(i++, row.readings());
        insert.setInt(i++, row.badReadings());
        insert.setString(i, etlRun);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void recordDay(
      Connection connection, BuildingDay day, List<FeatureRow> rows, String etlRun, Instant readAt)
      throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement(UPSERT_DAY);
        PreparedStatement clear = connection.prepareStatement(CLEAR_DIRTY)) {
      upsert.setString(1, day.buildingId());
      upsert.setObject(2, day.date());
      upsert.setString(3, etlRun);
      upsert.setInt(4, rows.size());
      upsert.setDouble(5, rows.stream().mapToDouble(FeatureRow::quality).average().orElse(0));
      upsert.setLong(6, rows.stream().mapToLong(FeatureRow::readings).sum());
      upsert.setLong(7, rows.stream().mapToLong(FeatureRow::badReadings).sum());
      upsert.executeUpdate();
      clear.setString(1, day.buildingId());
      clear.setObject(2, day.date());
      clear.setObject(3, Sql.utc(readAt));
      clear.executeUpdate();
    }
  }

  private static int sample(PreparedStatement statement, int i, Sample sample) throws SQLException {
    number(statement, i, sample.value());
    statement.setShort(i + 1, (short) sample.provenance().code());
    return i + 2;
  }

  private static int circuitSamples(
      Connection connection,
      PreparedStatement statement,
      int i,
      FeatureRow row,
      Function<CircuitFeatures, Sample> pick)
      throws SQLException {
    List<Sample> samples = row.circuits().stream().map(pick).toList();
    statement.setArray(i, doubles(connection, samples.stream().map(Sample::value).toList()));
    statement.setArray(
        i + 1,
        connection.createArrayOf(
            "int2",
            samples.stream().map(s -> (short) s.provenance().code()).toArray(Short[]::new)));
    return i + 2;
  }

  private static java.sql.Array doubles(Connection connection, List<Double> values)
      throws SQLException {
    return connection.createArrayOf(
        "float8", values.stream().map(v -> Double.isNaN(v) ? null : v).toArray(Double[]::new));
  }

  private static void number(PreparedStatement statement, int i, double value) throws SQLException {
    if (Double.isNaN(value)) {
      statement.setNull(i, Types.DOUBLE);
    } else {
      statement.setDouble(i, value);
    }
  }
}
