package de.vorlauf.persistence.readings;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a building's readings back, pivoted: one row per time (or bucket), one column per sensor —
 * per device and sensor where two devices of the building report the same sensor (the source
 * document's {@code query_sensor_data}, for several sensors at once). Rows are handed to a {@link
 * RowSink} as the database returns them, through a cursor: a year of a building never sits in
 * memory, here or in the driver. The same SQL runs on TimescaleDB and plain PostgreSQL.
 */
public final class ReadingsRepository {

  /** Receives pivoted rows in time order. */
  public interface RowSink {
    /**
     * @param values one per column, null where the column has no value at this time
     */
    void row(Instant time, Double[] values) throws IOException;
  }

  private static final int FETCH_ROWS = 5_000;

  private static final String BUILDING_EXISTS =
      "SELECT EXISTS (SELECT 1 FROM buildings WHERE id = ?)";

  private static final String SERIES =
      """
      SELECT id, sensor_id, device_id FROM series
      WHERE building_id = ? AND sensor_id = ANY (?::text[])
      ORDER BY sensor_id, device_id, id
      """;

  private static final String ARCHIVED =
      """
      SELECT DISTINCT sensor_id FROM readings_rollup_archive
      WHERE building_id = ? AND sensor_id = ANY (?::text[])
      """;

  private static final String RAW =
      """
      SELECT r.time, r.series_id, r.value, NULL::text
      FROM readings r
      WHERE r.series_id = ANY (?::int[]) AND r.time >= ? AND r.time < ?
      ORDER BY r.time
      """;

  private static final String QUARTER_HOUR =
      """
      SELECT date_bin(INTERVAL '15 minutes', r.time, TIMESTAMPTZ '2000-01-01 00:00:00+00'),
             r.series_id, %s, NULL::text
      FROM readings r
      WHERE r.series_id = ANY (?::int[]) AND r.time >= ? AND r.time < ?
      GROUP BY 1, 2
      ORDER BY 1
      """;

  // hours of the per-series rollup, and the building-level hours archived from the wide layout
  private static final String HOURLY =
      """
      SELECT h.bucket, h.series_id, %s, NULL::text
      FROM readings_hourly h
      WHERE h.series_id = ANY (?::int[]) AND h.bucket >= ? AND h.bucket < ?
      UNION ALL
      SELECT a.bucket, NULL::int, %s, a.sensor_id
      FROM readings_rollup_archive a
      WHERE a.building_id = ? AND a.sensor_id = ANY (?::text[]) AND a.bucket >= ? AND a.bucket < ?
      ORDER BY 1
      """;

  private ReadingsRepository() {}

  public static boolean buildingExists(Connection connection, String buildingId)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(BUILDING_EXISTS)) {
      statement.setString(1, buildingId);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /**
   * The value columns for {@code sensors}, in their order: one per sensor, or one per device and
   * sensor where several devices of the building report it (plus one for the sensor alone when
   * archived building-level hours exist). A sensor the building never stored has no column.
   */
  public static List<ReadingsColumn> columns(
      Connection connection, String buildingId, List<String> sensors) throws SQLException {
    Map<String, Map<String, List<Integer>>> seriesBySensor = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(SERIES)) {
      statement.setString(1, buildingId);
      statement.setArray(2, connection.createArrayOf("text", sensors.toArray()));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          seriesBySensor
              .computeIfAbsent(rs.getString(2), k -> new LinkedHashMap<>())
              .computeIfAbsent(rs.getString(3), k -> new ArrayList<>())
              .add(rs.getInt(1));
        }
      }
    }
    Set<String> archived = new TreeSet<>();
    try (PreparedStatement statement = connection.prepareStatement(ARCHIVED)) {
      statement.setString(1, buildingId);
      statement.setArray(2, connection.createArrayOf("text", sensors.toArray()));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          archived.add(rs.getString(1));
        }
      }
    }
    List<ReadingsColumn> columns = new ArrayList<>();
    for (String sensor : sensors) {
      Map<String, List<Integer>> byDevice = seriesBySensor.getOrDefault(sensor, Map.of());
      boolean inArchive = archived.contains(sensor);
      if (byDevice.size() == 1) {
        Map.Entry<String, List<Integer>> only = byDevice.entrySet().iterator().next();
        columns.add(new ReadingsColumn(sensor, sensor, only.getKey(), only.getValue(), inArchive));
        continue;
      }
      for (Map.Entry<String, List<Integer>> device : byDevice.entrySet()) {
        columns.add(
            new ReadingsColumn(
                device.getKey() + ":" + sensor, sensor, device.getKey(), device.getValue(), false));
      }
      if (inArchive) {
        columns.add(new ReadingsColumn(sensor, sensor, null, List.of(), true));
      }
    }
    return columns;
  }

  /**
   * Streams the pivoted rows of {@code query} over {@code columns} to {@code sink}: the part older
   * than {@link ReadingsQuery#rollupUntil()} hourly from the rollup, the rest at the requested
   * resolution. Runs in a transaction of its own on {@code connection} (a cursor needs one).
   *
   * @return rows handed to the sink
   */
  public static long stream(
      Connection connection, ReadingsQuery query, List<ReadingsColumn> columns, RowSink sink)
      throws SQLException, IOException {
    Map<Integer, Integer> columnOfSeries = new HashMap<>();
    Map<String, Integer> columnOfArchived = new HashMap<>();
    List<Integer> series = new ArrayList<>();
    List<String> archivedSensors = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      ReadingsColumn column = columns.get(c);
      for (int id : column.seriesIds()) {
        columnOfSeries.put(id, c);
        series.add(id);
      }
      if (column.archived()) {
        columnOfArchived.put(column.sensorId(), c);
        archivedSensors.add(column.sensorId());
      }
    }
    Pivot pivot = new Pivot(columns.size(), columnOfSeries, columnOfArchived, sink);
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      Instant split = query.rollupUntil();
      if (query.resolution() == Resolution.HOUR) {
        hourly(connection, query, series, archivedSensors, query.from(), query.to(), pivot);
      } else {
        Instant rawFrom = split == null ? query.from() : split;
        if (split != null) {
          hourly(connection, query, series, archivedSensors, query.from(), split, pivot);
        }
        if (rawFrom.isBefore(query.to())) {
          String sql =
              query.resolution() == Resolution.RAW
                  ? RAW
                  : QUARTER_HOUR.formatted(query.aggregate().ofRaw);
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("integer", series.toArray()));
            statement.setObject(2, utc(rawFrom));
            statement.setObject(3, utc(query.to()));
            read(statement, pivot);
          }
        }
      }
      pivot.flush();
      connection.commit();
      return pivot.rows;
    } catch (SQLException | IOException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static void hourly(
      Connection connection,
      ReadingsQuery query,
      List<Integer> series,
      List<String> archivedSensors,
      Instant from,
      Instant to,
      Pivot pivot)
      throws SQLException, IOException {
    Aggregate aggregate = query.aggregate();
    Instant hourFrom = from.truncatedTo(ChronoUnit.HOURS);
    try (PreparedStatement statement =
        connection.prepareStatement(HOURLY.formatted(aggregate.ofRollup, aggregate.ofArchive))) {
      Array ids = connection.createArrayOf("integer", series.toArray());
      statement.setArray(1, ids);
      statement.setObject(2, utc(hourFrom));
      statement.setObject(3, utc(to));
      statement.setString(4, query.buildingId());
      statement.setArray(5, connection.createArrayOf("text", archivedSensors.toArray()));
      statement.setObject(6, utc(hourFrom));
      statement.setObject(7, utc(to));
      read(statement, pivot);
    }
  }

  private static void read(PreparedStatement statement, Pivot pivot)
      throws SQLException, IOException {
    statement.setFetchSize(FETCH_ROWS);
    try (ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        Instant time = rs.getObject(1, OffsetDateTime.class).toInstant();
        int seriesId = rs.getInt(2);
        boolean archived = rs.wasNull();
        double value = rs.getDouble(3);
        if (rs.wasNull()) {
          continue;
        }
        pivot.add(time, archived ? null : seriesId, archived ? rs.getString(4) : null, value);
      }
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** Folds (time, series, value) rows, ordered by time, into one row per time. */
  private static final class Pivot {
    private final int width;
    private final Map<Integer, Integer> columnOfSeries;
    private final Map<String, Integer> columnOfArchived;
    private final RowSink sink;
    private Instant time;
    private Double[] values;
    long rows;

    Pivot(
        int width,
        Map<Integer, Integer> columnOfSeries,
        Map<String, Integer> columnOfArchived,
        RowSink sink) {
      this.width = width;
      this.columnOfSeries = columnOfSeries;
      this.columnOfArchived = columnOfArchived;
      this.sink = sink;
    }

    void add(Instant at, Integer seriesId, String archivedSensor, double value) throws IOException {
      if (!at.equals(time)) {
        flush();
        time = at;
        values = new Double[width];
      }
      Integer column =
          seriesId != null ? columnOfSeries.get(seriesId) : columnOfArchived.get(archivedSensor);
      if (column != null) {
        values[column] = value;
      }
    }

    void flush() throws IOException {
      if (time != null) {
        sink.row(time, values);
        rows++;
        time = null;
      }
    }
  }
}
