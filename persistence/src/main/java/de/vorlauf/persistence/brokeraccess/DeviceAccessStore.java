package de.vorlauf.persistence.brokeraccess;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads which devices may log in to the broker, and with which token: active devices with a valid
 * credential (not revoked, not expired).
 *
 * <p>One credential per device: a Mosquitto password file holds one hash per user (a second line
 * for the same user replaces the first — measured on 2.0.11). During a rotation's overlap the old
 * and the new token are both valid; the broker gets the one that <em>expires first</em>, i.e. the
 * old one until its overlap ends, then the new one. Reason: Mosquitto disconnects a connected
 * client at reload when its password no longer matches, so handing out the new hash at once would
 * cut off every device of a fleet before it could learn its new token, which is what the overlap
 * exists to prevent. A device should therefore try its newest token and fall back to the previous
 * one during an overlap; a rotation with overlap zero (a leaked token) switches at the next sync.
 * The REST API accepts both tokens during the overlap.
 */
public final class DeviceAccessStore {

  private static final String VALID_CREDENTIALS =
      """
      SELECT DISTINCT ON (c.device_id) c.device_id, c.mosquitto_hash
        FROM device_credentials c
        JOIN devices d ON d.id = c.device_id
       WHERE d.active
         AND c.revoked_at IS NULL
         AND (c.expires_at IS NULL OR c.expires_at > ?)
       ORDER BY c.device_id, c.expires_at ASC NULLS LAST, c.id ASC
      """;

  private DeviceAccessStore() {}

  /** Every device that may log in at {@code now}, one entry each. */
  public static List<DeviceAccess> validAt(Connection connection, Instant now) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(VALID_CREDENTIALS)) {
      statement.setTimestamp(1, Timestamp.from(now));
      List<DeviceAccess> devices = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          devices.add(new DeviceAccess(rows.getString(1), rows.getString(2)));
        }
      }
      return devices;
    }
  }
}
