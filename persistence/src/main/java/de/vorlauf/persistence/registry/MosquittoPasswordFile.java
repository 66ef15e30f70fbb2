package de.vorlauf.persistence.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Mosquitto {@code password_file} of the registry: one {@code <device id>:<$7$ hash>} line per
 * active device with a valid credential (user name = device id, password = token).
 *
 * <p>A password file holds one password per user, so during a rotation's overlap the broker knows
 * only the newest credential; the old one keeps working for {@code POST /api/v1/ingest} until it
 * expires. Devices that rotate over MQTT switch when the regenerated file is loaded.
 */
public final class MosquittoPasswordFile {

  private static final String VALID =
      """
      SELECT DISTINCT ON (c.device_id) c.device_id, c.mosquitto_hash
      FROM device_credentials c JOIN devices d ON d.id = c.device_id
      WHERE d.active AND c.revoked_at IS NULL AND (c.expires_at IS NULL OR c.expires_at > ?)
      ORDER BY c.device_id, c.id DESC
      """;

  private MosquittoPasswordFile() {}

  /** The file's lines at {@code now}, sorted by device id. */
  public static List<String> lines(Connection connection, Instant now) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(VALID)) {
      select.setTimestamp(1, Timestamp.from(now));
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          lines.add(MosquittoPasswordHash.passwordFileLine(rs.getString(1), rs.getString(2)));
        }
      }
    }
    return lines;
  }

  /** The whole file. */
  public static String render(Connection connection, Instant now) throws SQLException {
    StringBuilder file = new StringBuilder("# generated from the Vorlauf device registry\n");
    lines(connection, now).forEach(line -> file.append(line).append('\n'));
    return file.toString();
  }
}
