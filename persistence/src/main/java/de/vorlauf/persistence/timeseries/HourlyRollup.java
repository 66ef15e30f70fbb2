package de.vorlauf.persistence.timeseries;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds rows known to be newly inserted to {@code readings_rollup_hourly} (plain PostgreSQL),
 * aggregated here per series and hour: one upsert of a few hundred groups instead of a GROUP BY
 * over the batch in the database.
 */
final class HourlyRollup {

  // Groups in key order so concurrent writers lock rollup rows in the same order (no deadlocks).
  private static final String UPSERT =
      """
      INSERT INTO readings_rollup_hourly AS r
          (series_id, bucket, min_value, max_value, sum_value, reading_count)
      SELECT g.series_id, to_timestamp(g.bucket), g.min_value, g.max_value, g.sum_value,
             g.reading_count
      FROM unnest(?::int4[], ?::int8[], ?::float8[], ?::float8[], ?::float8[], ?::int8[])
          AS g(series_id, bucket, min_value, max_value, sum_value, reading_count)
      ORDER BY 1, 2
      ON CONFLICT (series_id, bucket) DO UPDATE
      SET min_value = least(r.min_value, excluded.min_value),
          max_value = greatest(r.max_value, excluded.max_value),
          sum_value = r.sum_value + excluded.sum_value,
          reading_count = r.reading_count + excluded.reading_count
      """;

  /** A series' hour: the bucket as epoch seconds of its start (UTC hours, as date_bin). */
  record Key(int seriesId, long bucket) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = Integer.compare(seriesId, o.seriesId);
      return c != 0 ? c : Long.compare(bucket, o.bucket);
    }
  }

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

  /**
   * Hourly groups of the staged rows, in key order. Grouped by a primitive key (series id and hour
   * in one long) in an open-addressing table, sorted once: this runs for every row on the writer
   * thread, where a map of key objects showed in the profile.
   */
  static Map<Key, Group> aggregate(StagedRows rows) {
    int[] series = rows.seriesIds();
    int capacity = Integer.highestOneBit(Math.max(16, rows.size() / 4)) << 2;
    long[] keys = new long[capacity];
    Group[] groups = new Group[capacity];
    int mask = capacity - 1;
    int used = 0;
    for (int i = 0; i < rows.size(); i++) {
      ReadingRow row = rows.rows().get(i);
      long hour = Math.floorDiv(row.time().getEpochSecond(), 3_600L);
      long key = ((long) series[i] << 32) | (hour & 0xffff_ffffL);
      int slot = Long.hashCode(key * 0x9E37_79B9_7F4A_7C15L) & mask;
      while (groups[slot] != null && keys[slot] != key) {
        slot = (slot + 1) & mask;
      }
      if (groups[slot] == null) {
        if (++used > capacity / 2) {
          // more groups than expected (rows spread over many hours): a map does it
          return aggregateSlowly(rows);
        }
        keys[slot] = key;
        groups[slot] = new Group();
      }
      groups[slot].add(row.value());
    }
    Map<Key, Group> sorted = new TreeMap<>();
    for (int slot = 0; slot < capacity; slot++) {
      if (groups[slot] != null) {
        sorted.put(
            new Key((int) (keys[slot] >> 32), (long) (int) keys[slot] * 3_600L), groups[slot]);
      }
    }
    return sorted;
  }

  private static Map<Key, Group> aggregateSlowly(StagedRows rows) {
    Map<Key, Group> groups = new HashMap<>();
    int[] series = rows.seriesIds();
    for (int i = 0; i < rows.size(); i++) {
      ReadingRow row = rows.rows().get(i);
      long seconds = row.time().getEpochSecond();
      Key key = new Key(series[i], seconds - Math.floorMod(seconds, 3_600L));
      groups.computeIfAbsent(key, k -> new Group()).add(row.value());
    }
    return new TreeMap<>(groups);
  }

  static void add(Connection connection, StagedRows inserted) throws SQLException {
    Map<Key, Group> groups = aggregate(inserted);
    int n = groups.size();
    Integer[] series = new Integer[n];
    Long[] buckets = new Long[n];
    Double[] mins = new Double[n];
    Double[] maxs = new Double[n];
    Double[] sums = new Double[n];
    Long[] counts = new Long[n];
    int i = 0;
    for (Map.Entry<Key, Group> e : groups.entrySet()) {
      series[i] = e.getKey().seriesId();
      buckets[i] = e.getKey().bucket();
      mins[i] = e.getValue().min;
      maxs[i] = e.getValue().max;
      sums[i] = e.getValue().sum;
      counts[i] = e.getValue().count;
      i++;
    }
    Object[][] columns = {series, buckets, mins, maxs, sums, counts};
    String[] types = {"int4", "int8", "float8", "float8", "float8", "int8"};
    Array[] arrays = new Array[types.length];
    try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
      for (int c = 0; c < types.length; c++) {
        arrays[c] = connection.createArrayOf(types[c], columns[c]);
        statement.setArray(c + 1, arrays[c]);
      }
      statement.executeUpdate();
    } finally {
      for (Array array : arrays) {
        if (array != null) {
          array.free();
        }
      }
    }
  }
}
