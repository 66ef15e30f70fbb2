package de.vorlauf.persistence.delivery;

import static de.vorlauf.persistence.jdbc.SqlTime.utc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The delivery state of setpoint commands ({@code setpoint_commands}, V160): the optimisation
 * queues, dispatchers in any worker claim, send and expire, the acknowledgement listener settles.
 * Every transition is one statement or one short transaction, so workers share the table safely.
 *
 * <p>Acknowledgements that do not fit (decided here, documented in docs/architecture.md): an ack
 * for an unknown command changes nothing; a repeated ack of a settled command (the device answers
 * every resend) keeps the first; an {@code applied} ack for an expired or superseded command
 * records what the device applied and when but keeps the state (the dispatcher gave up on it, the
 * device did run it); a late {@code rejected} changes nothing.
 */
public final class SetpointDeliveryStore implements DeliveryStore {

  private static final String UNIQUE_VIOLATION = "23505";

  private static final String IN_FLIGHT_OF_DEVICE =
      "SELECT "
          + CommandRows.COLUMNS
          + " FROM setpoint_commands WHERE device_id = ? AND circuit = ?"
          + " AND state IN ('QUEUED', 'SENT') FOR UPDATE";

  private static final String SUPERSEDE =
      """
      UPDATE setpoint_commands
      SET state = 'SUPERSEDED', settled_at = ?, next_attempt_at = NULL, superseded_by = ?
      WHERE command_id = ? AND state IN ('QUEUED', 'SENT')
      """;

  // SKIP LOCKED: a row another worker is claiming right now is left to it; the new
  // next_attempt_at is the claim's lease, so nobody else sends it before the lease runs out
  private static final String CLAIM =
      """
      UPDATE setpoint_commands s SET next_attempt_at = ?
      FROM (SELECT command_id FROM setpoint_commands
            WHERE state IN ('QUEUED', 'SENT') AND next_attempt_at <= ? AND valid_until > ?
            ORDER BY next_attempt_at
            LIMIT ?
            FOR UPDATE SKIP LOCKED) due
      WHERE s.command_id = due.command_id
      RETURNING s.*
      """;

  // an ack may overtake this update: a settled row then only counts the attempt
  private static final String MARK_SENT =
      """
      UPDATE setpoint_commands SET
          state = CASE WHEN state = 'QUEUED' THEN 'SENT' ELSE state END,
          attempts = attempts + 1,
          first_sent_at = COALESCE(first_sent_at, ?),
          last_sent_at = ?,
          next_attempt_at = CASE WHEN state IN ('QUEUED', 'SENT') THEN ? END,
          reason = CASE WHEN state IN ('QUEUED', 'SENT') THEN NULL ELSE reason END
      WHERE command_id = ?
      """;

  private static final String SEND_FAILED =
      """
      UPDATE setpoint_commands SET reason = ?, next_attempt_at = ?
      WHERE command_id = ? AND state IN ('QUEUED', 'SENT')
      """;

  private static final String EXPIRE =
      """
      UPDATE setpoint_commands SET state = 'EXPIRED', settled_at = ?, next_attempt_at = NULL,
          reason = 'valid_until passed without an acknowledgement'
              || COALESCE(' (last send error: ' || reason || ')', '')
      WHERE state IN ('QUEUED', 'SENT') AND valid_until <= ?
      RETURNING *
      """;

  private static final String SETTLE =
      """
      UPDATE setpoint_commands SET state = ?, settled_at = ?, next_attempt_at = NULL, reason = ?,
          applied_value = ?, applied_at = ?
      WHERE command_id = ?
      """;

  private static final String LATE_APPLIED =
      "UPDATE setpoint_commands SET applied_value = ?, applied_at = ? WHERE command_id = ?";

  private static final String COUNT_IN_FLIGHT =
      "SELECT count(*) FROM setpoint_commands WHERE state IN ('QUEUED', 'SENT')";

  private static final String DELETE_OLD =
      "DELETE FROM setpoint_commands WHERE queued_at < ? AND state NOT IN ('QUEUED', 'SENT')";

  /**
   * What queueing found: the stored command, whether this call stored it, and the command it
   * superseded (null when none).
   */
  public record Queued(TrackedCommand command, boolean created, String superseded) {}

  /** What an acknowledgement did. */
  public enum Outcome {
    /** It settled a command in flight (applied or rejected). */
    SETTLED,
    /** The command was settled by an earlier ack already; nothing changed. */
    REPEATED,
    /** The command had expired or was superseded; an applied value was recorded, if any. */
    LATE,
    /** No such command, or not the acknowledging device's; nothing changed. */
    UNKNOWN
  }

  /**
   * @param command the row before the ack; null for {@link Outcome#UNKNOWN}
   * @param latency from its first send to the ack's arrival ({@link Outcome#SETTLED} only)
   */
  public record Settlement(Outcome outcome, TrackedCommand command, Duration latency) {}

  private final DataSource dataSource;
  private final Duration retention;

  /**
   * @param retention settled commands queued longer ago than this go (the optimisation's retention)
   */
  public SetpointDeliveryStore(DataSource dataSource, Duration retention) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive: " + retention);
    }
    this.retention = retention;
  }

  /**
   * Queues a command in one transaction, superseding the device and circuit's command in flight.
   * Idempotent: a command id stored already (an activity's retry) is returned unchanged. A command
   * older (by {@code issued_at}) than the one in flight is stored SUPERSEDED by it, and one whose
   * {@code valid_until} has passed is stored EXPIRED: neither displaces a valid newer command.
   *
   * @param firstAttemptAt when a dispatcher may send it (the queueing caller sends it first)
   */
  @Override
  public Queued queue(NewSetpointCommand command, Instant now, Instant firstAttemptAt)
      throws SQLException {
    try {
      return queueOnce(command, now, firstAttemptAt);
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      // another worker queued for the same device and circuit at the same moment: its row is
      // committed now, so the second try supersedes (or is superseded by) it
      return queueOnce(command, now, firstAttemptAt);
    }
  }

  private Queued queueOnce(NewSetpointCommand command, Instant now, Instant firstAttemptAt)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        Optional<TrackedCommand> existing = CommandRows.find(c, command.commandId(), false);
        if (existing.isPresent()) {
          c.rollback();
          return new Queued(existing.get(), false, null);
        }
        Inserted inserted = insertQueued(c, command, now, firstAttemptAt);
        TrackedCommand stored =
            CommandRows.find(c, command.commandId(), false)
                .orElseThrow(() -> new SQLException("the queued command vanished"));
        c.commit();
        return new Queued(
            stored, inserted.created(), inserted.created() ? inserted.superseded() : null);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
  }

  private record Inserted(boolean created, String superseded) {}

  private static Inserted insertQueued(
      Connection c, NewSetpointCommand command, Instant now, Instant firstAttemptAt)
      throws SQLException {
    if (!command.validUntil().isAfter(now)) {
      return new Inserted(
          CommandRows.insert(
              c,
              command,
              DeliveryState.EXPIRED,
              now,
              null,
              "valid_until passed before it was queued",
              null),
          null);
    }
    TrackedCommand inFlight = inFlight(c, command.deviceId(), command.circuit());
    if (inFlight != null && inFlight.issuedAt().isAfter(command.issuedAt())) {
      return new Inserted(
          CommandRows.insert(
              c,
              command,
              DeliveryState.SUPERSEDED,
              now,
              null,
              "a newer command was in flight",
              inFlight.commandId()),
          null);
    }
    if (inFlight != null) {
      try (PreparedStatement s = c.prepareStatement(SUPERSEDE)) {
        s.setObject(1, utc(now));
        s.setString(2, command.commandId());
        s.setString(3, inFlight.commandId());
        s.executeUpdate();
      }
    }
    return new Inserted(
        CommandRows.insert(c, command, DeliveryState.QUEUED, now, firstAttemptAt, null, null),
        inFlight == null ? null : inFlight.commandId());
  }

  private static TrackedCommand inFlight(Connection c, String deviceId, int circuit)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(IN_FLIGHT_OF_DEVICE)) {
      s.setString(1, deviceId);
      s.setInt(2, circuit);
      return CommandRows.readAll(s).stream().findFirst().orElse(null);
    }
  }

  /**
   * Claims up to {@code limit} commands due at {@code now} and still valid, oldest first, for this
   * caller to send: their next attempt moves to {@code leaseUntil}, so no other dispatcher sends
   * them meanwhile. Rows being claimed by another worker at this moment are skipped.
   */
  @Override
  public List<TrackedCommand> claimDue(Instant now, int limit, Instant leaseUntil)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(CLAIM)) {
      s.setObject(1, utc(leaseUntil));
      s.setObject(2, utc(now));
      s.setObject(3, utc(now));
      s.setInt(4, limit);
      return CommandRows.readAll(s);
    }
  }

  /**
   * Records a send the broker accepted: attempts + 1, SENT, looked at again at {@code
   * nextAttemptAt}. A command an ack settled meanwhile only counts the attempt.
   */
  @Override
  public void markSent(String commandId, Instant sentAt, Instant nextAttemptAt)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(MARK_SENT)) {
      s.setObject(1, utc(sentAt));
      s.setObject(2, utc(sentAt));
      s.setObject(3, utc(nextAttemptAt));
      s.setString(4, commandId);
      s.executeUpdate();
    }
  }

  /**
   * Records a failed send: the command stays in flight with the error, tried again at {@code
   * retryAt}.
   */
  @Override
  public void sendFailed(String commandId, String reason, Instant retryAt) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(SEND_FAILED)) {
      s.setString(1, reason);
      s.setObject(2, utc(retryAt));
      s.setString(3, commandId);
      s.executeUpdate();
    }
  }

  /** Expires every command in flight whose {@code valid_until} has passed; returns them. */
  @Override
  public List<TrackedCommand> expire(Instant now) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(EXPIRE)) {
      s.setObject(1, utc(now));
      s.setObject(2, utc(now));
      return CommandRows.readAll(s);
    }
  }

  /** Applies a device's acknowledgement (see the class comment for acks that do not fit). */
  @Override
  public Settlement settle(DeviceAck ack, Instant receivedAt) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        Settlement settlement = settle(c, ack, receivedAt);
        c.commit();
        return settlement;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
  }

  private static Settlement settle(Connection c, DeviceAck ack, Instant receivedAt)
      throws SQLException {
    TrackedCommand row = CommandRows.find(c, ack.commandId(), true).orElse(null);
    if (row == null || !row.deviceId().equals(ack.deviceId())) {
      return new Settlement(Outcome.UNKNOWN, null, null);
    }
    if (row.state().inFlight()) {
      try (PreparedStatement s = c.prepareStatement(SETTLE)) {
        s.setString(1, (ack.applied() ? DeliveryState.APPLIED : DeliveryState.REJECTED).name());
        s.setObject(2, utc(receivedAt));
        s.setString(3, ack.applied() ? null : reasonOf(ack));
        s.setObject(4, ack.appliedValue());
        s.setObject(5, utc(ack.appliedAt()));
        s.setString(6, row.commandId());
        s.executeUpdate();
      }
      Instant sent = row.firstSentAt() == null ? row.queuedAt() : row.firstSentAt();
      return new Settlement(Outcome.SETTLED, row, Duration.between(sent, receivedAt));
    }
    if (row.state() == DeliveryState.APPLIED || row.state() == DeliveryState.REJECTED) {
      return new Settlement(Outcome.REPEATED, row, null);
    }
    if (ack.applied() && row.appliedAt() == null) {
      try (PreparedStatement s = c.prepareStatement(LATE_APPLIED)) {
        s.setObject(1, ack.appliedValue());
        s.setObject(2, utc(ack.appliedAt() == null ? receivedAt : ack.appliedAt()));
        s.setString(3, row.commandId());
        s.executeUpdate();
      }
    }
    return new Settlement(Outcome.LATE, row, null);
  }

  private static String reasonOf(DeviceAck ack) {
    return ack.reason() == null || ack.reason().isBlank()
        ? "rejected without a reason"
        : ack.reason();
  }

  /** The command with this id, if stored. */
  @Override
  public Optional<TrackedCommand> find(String commandId) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return CommandRows.find(c, commandId, false);
    }
  }

  /** Commands queued or sent and not yet settled (the in-flight gauge). */
  @Override
  public long inFlightCount() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(COUNT_IN_FLIGHT);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Removes settled commands queued before {@code asOf − retention}; returns how many. */
  public int applyRetention(Instant asOf) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(DELETE_OLD)) {
      s.setObject(1, utc(asOf.minus(retention)));
      return s.executeUpdate();
    }
  }
}
