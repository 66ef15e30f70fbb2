package de.vorlauf.persistence.brokeraccess;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads which gateways may log in to the broker and for which devices: active gateways with a valid
 * credential, each with its active devices. An inactive device, or any device of an inactive
 * gateway, gives the gateway nothing. Two queries whatever the fleet's size (no query per gateway).
 * The credential is chosen as for devices: during a rotation's overlap the one that expires first
 * (see {@link DeviceAccessStore} for why).
 */
public final class GatewayAccessStore {

  private static final String VALID_CREDENTIALS =
      """
      SELECT DISTINCT ON (c.gateway_id) c.gateway_id, c.mosquitto_hash
        FROM gateway_credentials c
        JOIN gateways g ON g.id = c.gateway_id
       WHERE g.active
         AND c.revoked_at IS NULL
         AND (c.expires_at IS NULL OR c.expires_at > ?)
       ORDER BY c.gateway_id, c.expires_at ASC NULLS LAST, c.id ASC
      """;

  private static final String ASSIGNED_DEVICES =
      """
      SELECT d.gateway_id, d.id
        FROM devices d
        JOIN gateways g ON g.id = d.gateway_id
       WHERE d.active AND g.active
       ORDER BY d.gateway_id, d.id
      """;

  private GatewayAccessStore() {}

  /** Every gateway that may log in at {@code now}, one entry each, sorted by id. */
  public static List<GatewayAccess> validAt(Connection connection, Instant now)
      throws SQLException {
    Map<String, List<String>> devices = assignedDevices(connection);
    List<GatewayAccess> gateways = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(VALID_CREDENTIALS)) {
      statement.setTimestamp(1, Timestamp.from(now));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          String gateway = rows.getString(1);
          gateways.add(
              new GatewayAccess(
                  gateway, rows.getString(2), devices.getOrDefault(gateway, List.of())));
        }
      }
    }
    return gateways;
  }

  private static Map<String, List<String>> assignedDevices(Connection connection)
      throws SQLException {
    Map<String, List<String>> devices = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(ASSIGNED_DEVICES);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        devices.computeIfAbsent(rows.getString(1), g -> new ArrayList<>()).add(rows.getString(2));
      }
    }
    return devices;
  }
}
