package de.vorlauf.ingest.brokeraccess;

import de.vorlauf.domain.broker.MosquittoPasswordHash;
import de.vorlauf.persistence.registry.DeviceToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/** Registry rows as the admin API would write them (JDBC: the worker has no JPA). */
record TestRegistry(DataSource dataSource) {

  void building(String id) throws SQLException {
    update(
        "INSERT INTO buildings (id, name, time_zone, heating_type)"
            + " VALUES (?, ?, 'Europe/Berlin', 'gas')",
        id,
        id);
  }

  void device(String id, String building) throws SQLException {
    update("INSERT INTO devices (id, building_id) VALUES (?, ?)", id, building);
  }

  void gateway(String id) throws SQLException {
    update("INSERT INTO gateways (id) VALUES (?)", id);
  }

  /** Assigns the device to the gateway (null: none). */
  void assign(String device, String gateway) throws SQLException {
    update("UPDATE devices SET gateway_id = ? WHERE id = ?", gateway, device);
  }

  void setActive(String table, String id, boolean active) throws SQLException {
    String sql =
        switch (table) {
          case "devices" -> "UPDATE devices SET active = ?::boolean WHERE id = ?";
          case "gateways" -> "UPDATE gateways SET active = ?::boolean WHERE id = ?";
          default -> throw new IllegalArgumentException(table);
        };
    update(sql, String.valueOf(active), id);
  }

  /** Issues a gateway credential and returns its token (its MQTT password). */
  String issueGateway(String gateway) throws SQLException {
    DeviceToken token = DeviceToken.generate();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                """
                INSERT INTO gateway_credentials (gateway_id, token_hint, token_sha256,
                    mosquitto_hash, created_by)
                VALUES (?, ?, ?, ?, 'it')
                """)) {
      s.setString(1, gateway);
      s.setString(2, token.hint());
      s.setBytes(3, token.sha256());
      s.setString(4, MosquittoPasswordHash.hash(token.value()));
      s.executeUpdate();
    }
    return token.value();
  }

  void revokeGateway(String token) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE gateway_credentials SET revoked_at = now(), revoked_by = 'it'"
                    + " WHERE token_sha256 = ?")) {
      s.setBytes(1, DeviceToken.sha256(token));
      s.executeUpdate();
    }
  }

  /** Issues a credential and returns its token (the secret the device logs in with). */
  String issue(String device, Instant expiresAt) throws SQLException {
    DeviceToken token = DeviceToken.generate();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                """
                INSERT INTO device_credentials (device_id, token_hint, token_sha256,
                    mosquitto_hash, created_by, expires_at)
                VALUES (?, ?, ?, ?, 'it', ?)
                """)) {
      s.setString(1, device);
      s.setString(2, token.hint());
      s.setBytes(3, token.sha256());
      s.setString(4, MosquittoPasswordHash.hash(token.value()));
      s.setTimestamp(5, expiresAt == null ? null : Timestamp.from(expiresAt));
      s.executeUpdate();
    }
    return token.value();
  }

  void revoke(String token) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE device_credentials SET revoked_at = now(), revoked_by = 'it'"
                    + " WHERE token_sha256 = ?")) {
      s.setBytes(1, DeviceToken.sha256(token));
      s.executeUpdate();
    }
  }

  void expire(String token, Instant at) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE device_credentials SET expires_at = ? WHERE token_sha256 = ?")) {
      s.setTimestamp(1, Timestamp.from(at));
      s.setBytes(2, DeviceToken.sha256(token));
      s.executeUpdate();
    }
  }

  private void update(String sql, String... values) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setString(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }
}
