package de.vorlauf.persistence.timeseries;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds rows known to be newly inserted to {@code sensor_readings_rollup_hourly} (plain PostgreSQL),
 * aggregated here per hour, building and sensor: one upsert of a few hundred groups instead of a
 * GROUP BY over the batch in the database.
 */
final class HourlyRollup {

  // Groups in key order so concurrent writers lock rollup rows in the same order (no deadlocks).
  private static final String UPSERT =
      """
      INSERT INTO sensor_readings_rollup_hourly AS r
          (bucket, building_id, sensor_id, min_value, max_value, sum_value, reading_count)
      SELECT g.bucket::timestamptz, g.building_id, g.sensor_id, g.min_value, g.max_value,
             g.sum_value, g.reading_count
      FROM unnest(?::text[], ?::text[], ?::text[], ?::float8[], ?::float8[], ?::float8[],
                  ?::int8[])
          AS g(bucket, building_id, sensor_id, min_value, max_value, sum_value, reading_count)
      ORDER BY 1, 2, 3
      ON CONFLICT (bucket, building_id, sensor_id) DO UPDATE
      SET min_value = least(r.min_value, excluded.min_value),
          max_value = greatest(r.max_value, excluded.max_value),
          sum_value = r.sum_value + excluded.sum_value,
          reading_count = r.reading_count + excluded.reading_count
      """;

  record Key(Instant bucket, String buildingId, String sensorId) {}

  static final class Group {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum;
    long count;

    void add(double value) {
      min = Math.min(min, value);
      max = Math.max(max, value);
      sum += value;
      count++;
    }
  }

  private HourlyRollup() {}

  private static final Comparator<Key> KEY_ORDER =
      Comparator.comparing(Key::bucket).thenComparing(Key::buildingId).thenComparing(Key::sensorId);

  /**
   * Hourly groups of the rows, in key order; buckets are UTC hours, as {@code date_bin('1 hour',
   * ...)}. Grouped in a hash map and sorted once: a sorted map compared keys for every row.
   */
  static Map<Key, Group> aggregate(List<ReadingRow> rows) {
    Map<Key, Group> groups = new HashMap<>();
    long hour = 3_600;
    for (ReadingRow row : rows) {
      long seconds = row.time().getEpochSecond();
      Instant bucket = Instant.ofEpochSecond(seconds - Math.floorMod(seconds, hour));
      Key key = new Key(bucket, row.buildingId(), row.sensorId());
      groups.computeIfAbsent(key, k -> new Group()).add(row.value());
    }
    Map<Key, Group> sorted = new TreeMap<>(KEY_ORDER);
    sorted.putAll(groups);
    return sorted;
  }

  static void add(Connection connection, List<ReadingRow> inserted) throws SQLException {
    Map<Key, Group> groups = aggregate(inserted);
    int n = groups.size();
    List<Object[]> columns =
        List.of(
            new String[n],
            new String[n],
            new String[n],
            new Double[n],
            new Double[n],
            new Double[n],
            new Long[n]);
    int i = 0;
    for (Map.Entry<Key, Group> e : groups.entrySet()) {
      columns.get(0)[i] = e.getKey().bucket().toString();
      columns.get(1)[i] = e.getKey().buildingId();
      columns.get(2)[i] = e.getKey().sensorId();
      columns.get(3)[i] = e.getValue().min;
      columns.get(4)[i] = e.getValue().max;
      columns.get(5)[i] = e.getValue().sum;
      columns.get(6)[i] = e.getValue().count;
      i++;
    }
    String[] types = {"text", "text", "text", "float8", "float8", "float8", "int8"};
    List<Array> arrays = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
      for (int c = 0; c < types.length; c++) {
        Array array = connection.createArrayOf(types[c], columns.get(c));
        arrays.add(array);
        statement.setArray(c + 1, array);
      }
      statement.executeUpdate();
    } finally {
      for (Array array : arrays) {
        array.free();
      }
    }
  }
}
