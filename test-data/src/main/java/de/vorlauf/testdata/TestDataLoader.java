package de.vorlauf.testdata;

import de.vorlauf.domain.features.BuildingDay;
import de.vorlauf.domain.features.FeatureRow;
import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.persistence.features.FeatureStore;
import de.vorlauf.persistence.timeseries.PartitionManager;
import de.vorlauf.persistence.timeseries.PartitionNames;
import de.vorlauf.persistence.timeseries.SeriesKey;
import de.vorlauf.persistence.timeseries.SeriesStore;
import de.vorlauf.persistence.timeseries.StorageMode;
import de.vorlauf.simulator.physics.BuildingSpec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a {@link Dataset} into a migrated database as ingestion would have left it: the buildings
 * and their gateways in the registry (as the simulator provisions them), the series, the readings
 * by one binary {@code COPY}, and on plain PostgreSQL the daily partitions and the hourly rollup
 * the writer keeps (TimescaleDB makes chunks and aggregates itself). One transaction for the
 * readings; a database takes a dataset once (the readings' primary key refuses a second load).
 */
public final class TestDataLoader {

  private static final Logger log = LoggerFactory.getLogger(TestDataLoader.class);

  private static final byte[] COPY_SIGNATURE = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0
  };

  private static final String INSERT_BUILDING =
      """
      INSERT INTO buildings (id, name, time_zone, heating_type, area_m2, heating_circuits, has_dhw,
          comfort_temp_min, comfort_temp_max, night_setback_enabled, night_setback_start,
          night_setback_end, night_setback_reduction, curve_base_temp, curve_slope, flow_temp_min,
          flow_temp_max)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO NOTHING
      """;

  private static final String INSERT_DEVICE =
      """
      INSERT INTO devices (id, building_id, description) VALUES (?, ?, ?)
      ON CONFLICT (id) DO NOTHING
      """;

  private static final String COPY_READINGS =
      "COPY readings (series_id, time, value, quality) FROM STDIN (FORMAT binary)";

  // what the writer's rollup holds after ingesting the same rows (UTC hours, as date_bin)
  private static final String ROLLUP =
      """
      INSERT INTO readings_rollup_hourly AS r
          (series_id, bucket, min_value, max_value, sum_value, reading_count)
      SELECT series_id, date_bin(INTERVAL '1 hour', time, TIMESTAMPTZ '2000-01-01 00:00:00+00'),
             min(value), max(value), sum(value), count(*)
      FROM readings
      WHERE series_id = ANY (?) AND time >= ? AND time < ?
      GROUP BY 1, 2
      ON CONFLICT (series_id, bucket) DO UPDATE
      SET min_value = least(r.min_value, excluded.min_value),
          max_value = greatest(r.max_value, excluded.max_value),
          sum_value = r.sum_value + excluded.sum_value,
          reading_count = r.reading_count + excluded.reading_count
      """;

  /** The {@code etl_run} of the features a test loads: they were computed by the fixture. */
  public static final String FEATURES_RUN = "test-data";

  private TestDataLoader() {}

  /** What a load wrote. */
  public record Loaded(int buildings, int series, long readings, StorageMode mode, Duration took) {}

  /** Loads {@code dataset} into {@code database} (migrated to the current schema). */
  public static Loaded load(DataSource database, Dataset dataset) {
    long started = System.nanoTime();
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(true);
      int buildings = register(connection, dataset);
      Map<SeriesKey, Integer> ids = SeriesStore.resolve(connection, dataset.series());
      int[] idOf = new int[dataset.series().size()];
      Integer[] allIds = new Integer[idOf.length];
      for (int i = 0; i < idOf.length; i++) {
        idOf[i] = ids.get(dataset.series().get(i));
        allIds[i] = idOf[i];
      }
      StorageMode mode = StorageMode.detect(connection);
      DatasetSpec spec = dataset.spec();
      if (mode == StorageMode.PLAIN_POSTGRESQL) {
        new PartitionManager().ensure(connection, days(spec.start(), spec.end()));
      }
      connection.setAutoCommit(false);
      try {
        long copied =
            connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(COPY_READINGS, new java.io.ByteArrayInputStream(copyStream(dataset, idOf)));
        if (mode == StorageMode.PLAIN_POSTGRESQL) {
          try (PreparedStatement rollup = connection.prepareStatement(ROLLUP)) {
            Array series = connection.createArrayOf("int4", allIds);
            rollup.setArray(1, series);
            rollup.setObject(2, spec.start().atOffset(java.time.ZoneOffset.UTC));
            rollup.setObject(3, spec.end().atOffset(java.time.ZoneOffset.UTC));
            rollup.executeUpdate();
          }
        }
        connection.commit();
        Loaded loaded =
            new Loaded(
                buildings,
                idOf.length,
                copied,
                mode,
                Duration.ofNanos(System.nanoTime() - started));
        log.info("test data loaded: {}", loaded);
        return loaded;
      } catch (SQLException | IOException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("loading test data failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Loads {@code dataset}'s features into {@code building_features} (run {@link #FEATURES_RUN}) by
   * one {@code COPY}, and records their building-days in {@code etl_building_days}, as a backfill
   * over the dataset's days would leave them; loading again replaces them. The readings should be
   * loaded too (the ETL's bookkeeping refers to the buildings).
   *
   * @return the feature rows loaded
   */
  public static long loadFeatures(DataSource database, Dataset dataset) {
    long started = System.nanoTime();
    Map<BuildingDay, List<FeatureRow>> days = new LinkedHashMap<>();
    for (DayFeatures day : dataset.features()) {
      days.put(day.day(), day.rows());
    }
    try {
      long rows = new FeatureStore(database).copyDays(days, FEATURES_RUN, Instant.now());
      log.info(
          "test data features loaded: {} rows of {} building-days in {} ms",
          rows,
          days.size(),
          (System.nanoTime() - started) / 1_000_000);
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("loading test data features failed: " + e.getMessage(), e);
    }
  }

  private static int register(Connection connection, Dataset dataset) throws SQLException {
    try (PreparedStatement building = connection.prepareStatement(INSERT_BUILDING);
        PreparedStatement device = connection.prepareStatement(INSERT_DEVICE)) {
      for (BuildingSpec spec : dataset.buildings()) {
        BuildingConfig c = spec.config();
        int i = 1;
        building.setString(i++, c.buildingId());
        building.setString(i++, "Test data " + c.buildingId());
        building.setString(i++, c.timeZone().getId());
        building.setString(i++, c.heatingType().code());
        building.setObject(i++, c.areaM2());
        building.setInt(i++, c.heatingCircuits());
        building.setBoolean(i++, c.hasDhw());
        building.setDouble(i++, c.comfortTempMin());
        building.setDouble(i++, c.comfortTempMax());
        building.setBoolean(i++, c.nightSetback().enabled());
        building.setInt(i++, c.nightSetback().startHour());
        building.setInt(i++, c.nightSetback().endHour());
        building.setDouble(i++, c.nightSetback().roomReductionK());
        building.setDouble(i++, c.curve().baseC());
        building.setDouble(i++, c.curve().slope());
        building.setDouble(i++, c.curve().minFlowC());
        building.setDouble(i, c.curve().maxFlowC());
        building.addBatch();
        device.setString(1, Dataset.deviceOf(c.buildingId()));
        device.setString(2, c.buildingId());
        device.setString(3, "simulated gateway (test data)");
        device.addBatch();
      }
      building.executeBatch();
      device.executeBatch();
      return dataset.spec().buildings();
    }
  }

  private static byte[] copyStream(Dataset dataset, int[] idOf) throws IOException {
    byte[] tuples = dataset.tuplesWithIds(idOf);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(tuples.length + 32);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(COPY_SIGNATURE);
      out.writeInt(0); // flags
      out.writeInt(0); // header extension
      out.write(tuples);
      out.writeShort(-1);
    }
    return bytes.toByteArray();
  }

  private static TreeSet<LocalDate> days(Instant start, Instant end) {
    TreeSet<LocalDate> days = new TreeSet<>();
    for (LocalDate d = PartitionNames.dayOf(start);
        !d.isAfter(PartitionNames.dayOf(end.minusNanos(1)));
        d = d.plusDays(1)) {
      days.add(d);
    }
    return days;
  }
}
