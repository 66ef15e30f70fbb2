package de.vorlauf.persistence.timeseries;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL of the {@code series} table: ids for keys, created when first seen. Race-free: the unique
 * key {@code (building_id, device_id, sensor_id, unit)} decides which of two writers creating the
 * same series wins; the loser's {@code ON CONFLICT DO NOTHING} waits for the winner's commit and
 * then reads its id. Callers run it in autocommit, outside the batch's transaction, so an id is
 * only ever cached after it was committed.
 */
public final class SeriesStore {

  // new keys are inserted in key order, so two writers lock the unique index in the same order
  private static final String CREATE_MISSING =
      """
      INSERT INTO series (building_id, device_id, sensor_id, unit)
      SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[])
          AS w(building_id, device_id, sensor_id, unit)
      ORDER BY 1, 2, 3, 4
      ON CONFLICT (building_id, device_id, sensor_id, unit) DO NOTHING
      """;

  private static final String FIND =
      """
      SELECT s.id, s.building_id, s.device_id, s.sensor_id, s.unit
      FROM series s
      JOIN unnest(?::text[], ?::text[], ?::text[], ?::text[])
          AS w(building_id, device_id, sensor_id, unit)
        USING (building_id, device_id, sensor_id, unit)
      """;

  private SeriesStore() {}

  /**
   * The ids of {@code keys}, creating the missing series. Two statements: the insert waits for any
   * concurrent creator of the same key; the select that follows (a new snapshot) sees its row.
   */
  public static Map<SeriesKey, Integer> resolve(Connection connection, Collection<SeriesKey> keys)
      throws SQLException {
    Map<SeriesKey, Integer> ids = find(connection, keys);
    if (ids.size() == keys.size()) {
      return ids;
    }
    Set<SeriesKey> missing = new LinkedHashSet<>(keys);
    missing.removeAll(ids.keySet());
    try (PreparedStatement statement = connection.prepareStatement(CREATE_MISSING)) {
      bind(connection, statement, missing);
      statement.executeUpdate();
    }
    ids.putAll(find(connection, missing));
    if (ids.size() != new LinkedHashSet<>(keys).size()) {
      throw new SQLException("series could not be created: " + missing, "55000");
    }
    return ids;
  }

  /** The ids of those keys that exist. */
  public static Map<SeriesKey, Integer> find(Connection connection, Collection<SeriesKey> keys)
      throws SQLException {
    Map<SeriesKey, Integer> ids = new HashMap<>();
    if (keys.isEmpty()) {
      return ids;
    }
    try (PreparedStatement statement = connection.prepareStatement(FIND)) {
      bind(connection, statement, keys);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          ids.put(
              new SeriesKey(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
              rs.getInt(1));
        }
      }
    }
    return ids;
  }

  private static void bind(
      Connection connection, PreparedStatement statement, Collection<SeriesKey> keys)
      throws SQLException {
    List<String[]> columns = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      columns.add(new String[keys.size()]);
    }
    int i = 0;
    for (SeriesKey key : keys) {
      columns.get(0)[i] = key.buildingId();
      columns.get(1)[i] = key.deviceId();
      columns.get(2)[i] = key.sensorId();
      columns.get(3)[i] = key.unit();
      i++;
    }
    for (int c = 0; c < 4; c++) {
      Array array = connection.createArrayOf("text", columns.get(c));
      statement.setArray(c + 1, array);
    }
  }
}
