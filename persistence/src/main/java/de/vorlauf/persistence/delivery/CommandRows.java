package de.vorlauf.persistence.delivery;

import static de.vorlauf.persistence.jdbc.SqlTime.instant;
import static de.vorlauf.persistence.jdbc.SqlTime.utc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rows of {@code setpoint_commands} to records and back. */
final class CommandRows {

  static final String COLUMNS =
      "command_id, building_id, device_id, circuit, as_of, origin, flow_temp_setpoint,"
          + " room_setpoint, issued_at, valid_until, payload, state, attempts, queued_at,"
          + " first_sent_at, last_sent_at, next_attempt_at, settled_at, reason, superseded_by,"
          + " applied_value, applied_at";

  private static final String FIND =
      "SELECT " + COLUMNS + " FROM setpoint_commands WHERE command_id = ?";

  private static final String INSERT =
      """
      INSERT INTO setpoint_commands (command_id, building_id, device_id, circuit, as_of, origin,
          flow_temp_setpoint, room_setpoint, issued_at, valid_until, payload, state, queued_at,
          next_attempt_at, settled_at, reason, superseded_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (command_id) DO NOTHING
      """;

  private CommandRows() {}

  static Optional<TrackedCommand> find(Connection c, String commandId, boolean lock)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(FIND + (lock ? " FOR UPDATE" : ""))) {
      s.setString(1, commandId);
      List<TrackedCommand> rows = readAll(s);
      return rows.stream().findFirst();
    }
  }

  /**
   * Inserts a command in {@code state}; a settled state gets {@code settledAt = queuedAt} and no
   * next attempt. False when the command id is stored already.
   */
  static boolean insert(
      Connection c,
      NewSetpointCommand command,
      DeliveryState state,
      Instant queuedAt,
      Instant nextAttemptAt,
      String reason,
      String supersededBy)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(INSERT)) {
      s.setString(1, command.commandId());
      s.setString(2, command.buildingId());
      s.setString(3, command.deviceId());
      s.setInt(4, command.circuit());
      s.setObject(5, utc(command.asOf()));
      s.setString(6, command.origin());
      s.setDouble(7, command.flowTempSetpoint());
      if (command.roomSetpoint() == null) {
        s.setNull(8, Types.DOUBLE);
      } else {
        s.setDouble(8, command.roomSetpoint());
      }
      s.setObject(9, utc(command.issuedAt()));
      s.setObject(10, utc(command.validUntil()));
      s.setBytes(11, command.payload());
      s.setString(12, state.name());
      s.setObject(13, utc(queuedAt));
      s.setObject(14, state.inFlight() ? utc(nextAttemptAt) : null);
      s.setObject(15, state.inFlight() ? null : utc(queuedAt));
      s.setString(16, reason);
      s.setString(17, supersededBy);
      return s.executeUpdate() == 1;
    }
  }

  static List<TrackedCommand> readAll(PreparedStatement statement) throws SQLException {
    List<TrackedCommand> rows = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        rows.add(read(rs));
      }
    }
    return rows;
  }

  static TrackedCommand read(ResultSet rs) throws SQLException {
    return new TrackedCommand(
        rs.getString("command_id"),
        rs.getString("building_id"),
        rs.getString("device_id"),
        rs.getInt("circuit"),
        instant(rs, "as_of"),
        rs.getString("origin"),
        rs.getDouble("flow_temp_setpoint"),
        rs.getObject("room_setpoint", Double.class),
        instant(rs, "issued_at"),
        instant(rs, "valid_until"),
        rs.getBytes("payload"),
        DeliveryState.valueOf(rs.getString("state")),
        rs.getInt("attempts"),
        instant(rs, "queued_at"),
        instant(rs, "first_sent_at"),
        instant(rs, "last_sent_at"),
        instant(rs, "next_attempt_at"),
        instant(rs, "settled_at"),
        rs.getString("reason"),
        rs.getString("superseded_by"),
        rs.getObject("applied_value", Double.class),
        instant(rs, "applied_at"));
  }
}
