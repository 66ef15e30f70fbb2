package de.vorlauf.persistence.features;

import de.vorlauf.domain.features.BuildingDay;
import de.vorlauf.domain.features.FeatureInput;
import de.vorlauf.domain.features.FeatureLayout;
import de.vorlauf.domain.features.RawReading;
import de.vorlauf.persistence.timeseries.QualityCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Reads what the feature rules need for a building and range: the readings of the layout's sensors
 * over the range widened by the gap rule's margin, and which sensors have a usable reading beyond
 * it on either side. Devices of one building reporting the same sensor are merged (their readings
 * share the slot mean).
 */
public final class FeatureSource {

  private static final String SERIES =
      "SELECT id, sensor_id FROM series WHERE building_id = ? AND sensor_id = ANY (?::text[])";

  private static final String READINGS =
      """
      SELECT series_id, time, value, quality FROM readings
      WHERE series_id = ANY (?::int[]) AND time >= ? AND time < ?
      """;

  // bad readings (code & 3 = 2) make no slot value, so they do not count as data beyond
  private static final String BEFORE =
      """
      SELECT s.id FROM unnest(?::int[]) AS s(id)
      WHERE EXISTS (SELECT 1 FROM readings r
                    WHERE r.series_id = s.id AND r.time < ? AND r.quality & 3 <> 2)
      """;

  private static final String AFTER =
      """
      SELECT s.id FROM unnest(?::int[]) AS s(id)
      WHERE EXISTS (SELECT 1 FROM readings r
                    WHERE r.series_id = s.id AND r.time >= ? AND r.quality & 3 <> 2)
      """;

  // "features now" as known at an instant: data after it is not there yet
  private static final String AFTER_UNTIL =
      """
      SELECT s.id FROM unnest(?::int[]) AS s(id)
      WHERE EXISTS (SELECT 1 FROM readings r
                    WHERE r.series_id = s.id AND r.time >= ? AND r.time < ?
                      AND r.quality & 3 <> 2)
      """;

  private final DataSource dataSource;

  public FeatureSource(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public FeatureInput day(BuildingDay day, FeatureLayout layout) throws SQLException {
    return range(day.buildingId(), layout, day.zone(), day.start(), day.end());
  }

  public FeatureInput range(
      String buildingId, FeatureLayout layout, java.time.ZoneId zone, Instant from, Instant to)
      throws SQLException {
    return read(buildingId, layout, zone, from, to, null);
  }

  /**
   * The input of {@code [from, to)} as it was known at {@code knownUntil}: no reading at or after
   * it is read, also not as data beyond the range ("features now" at an as-of instant, which a
   * harness replaying history sets in the past, must not see what came later).
   */
  public FeatureInput rangeKnownAt(
      String buildingId,
      FeatureLayout layout,
      java.time.ZoneId zone,
      Instant from,
      Instant to,
      Instant knownUntil)
      throws SQLException {
    return read(buildingId, layout, zone, from, to, knownUntil);
  }

  private FeatureInput read(
      String buildingId,
      FeatureLayout layout,
      java.time.ZoneId zone,
      Instant from,
      Instant to,
      Instant knownUntil)
      throws SQLException {
    Instant readFrom = FeatureInput.readFrom(from);
    Instant readTo = FeatureInput.readTo(to);
    Instant readEnd = knownUntil == null || knownUntil.isAfter(readTo) ? readTo : knownUntil;
    try (Connection connection = dataSource.getConnection()) {
      Map<Integer, String> sensorOf = series(connection, buildingId, layout.sensorIds());
      List<RawReading> readings = new ArrayList<>();
      Set<String> before = new HashSet<>();
      Set<String> after = new HashSet<>();
      if (!sensorOf.isEmpty()) {
        java.sql.Array ids = connection.createArrayOf("integer", sensorOf.keySet().toArray());
        try (PreparedStatement statement = connection.prepareStatement(READINGS)) {
          statement.setArray(1, ids);
          statement.setObject(2, Sql.utc(readFrom));
          statement.setObject(3, Sql.utc(readEnd));
          statement.setFetchSize(10_000);
          try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              readings.add(
                  new RawReading(
                      sensorOf.get(rs.getInt(1)),
                      rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                      rs.getDouble(3),
                      QualityCode.quality(rs.getInt(4))));
            }
          }
        }
        beyond(connection, BEFORE, ids, readFrom, sensorOf, before);
        if (knownUntil == null) {
          beyond(connection, AFTER, ids, readTo, sensorOf, after);
        } else if (knownUntil.isAfter(readTo)) {
          try (PreparedStatement statement = connection.prepareStatement(AFTER_UNTIL)) {
            statement.setArray(1, ids);
            statement.setObject(2, Sql.utc(readTo));
            statement.setObject(3, Sql.utc(knownUntil));
            collect(statement, sensorOf, after);
          }
        }
      }
      return new FeatureInput(buildingId, layout, zone, from, to, readings, before, after);
    }
  }

  private static Map<Integer, String> series(
      Connection connection, String buildingId, List<String> sensors) throws SQLException {
    Map<Integer, String> sensorOf = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(SERIES)) {
      statement.setString(1, buildingId);
      statement.setArray(2, connection.createArrayOf("text", sensors.toArray()));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          sensorOf.put(rs.getInt(1), rs.getString(2));
        }
      }
    }
    return sensorOf;
  }

  private static void beyond(
      Connection connection,
      String sql,
      java.sql.Array ids,
      Instant edge,
      Map<Integer, String> sensorOf,
      Set<String> sensors)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, ids);
      statement.setObject(2, Sql.utc(edge));
      collect(statement, sensorOf, sensors);
    }
  }

  private static void collect(
      PreparedStatement statement, Map<Integer, String> sensorOf, Set<String> sensors)
      throws SQLException {
    try (ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        sensors.add(sensorOf.get(rs.getInt(1)));
      }
    }
  }
}
