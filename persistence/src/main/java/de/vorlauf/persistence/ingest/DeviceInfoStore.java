package de.vorlauf.persistence.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reads what ingestion needs to know about a registered device from {@code devices}. */
public final class DeviceInfoStore {

  private static final String FIND =
      """
      SELECT id, building_id, active FROM devices WHERE id = ?
      """;

  /** Empty when no device has this id. */
  public Optional<DeviceInfo> find(Connection connection, String deviceId) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(FIND)) {
      statement.setString(1, deviceId);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next()
            ? Optional.of(new DeviceInfo(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
            : Optional.empty();
      }
    }
  }
}
