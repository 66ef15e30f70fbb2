package de.vorlauf.persistence.readings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The newest stored reading of every series of a building: one index probe per series on the
 * readings' primary key {@code (series_id, time)}, however long the history.
 */
public final class LatestReadings {

  /** One series' newest reading. */
  public record Latest(String sensorId, String deviceId, String unit, Instant time, double value) {}

  private static final String LATEST =
      """
      SELECT s.sensor_id, s.device_id, s.unit, l.time, l.value
      FROM series s
      CROSS JOIN LATERAL (
        SELECT r.time, r.value FROM readings r
        WHERE r.series_id = s.id ORDER BY r.time DESC LIMIT 1
      ) l
      WHERE s.building_id = ?
      ORDER BY s.sensor_id, s.device_id
      """;

  private LatestReadings() {}

  public static List<Latest> of(Connection connection, String buildingId) throws SQLException {
    List<Latest> result = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(LATEST)) {
      statement.setString(1, buildingId);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          result.add(
              new Latest(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getObject(4, OffsetDateTime.class).toInstant(),
                  rs.getDouble(5)));
        }
      }
    }
    return result;
  }
}
