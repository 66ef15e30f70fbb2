package de.vorlauf.persistence.delivery;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The transitions of setpoint delivery that the delivery, its dispatcher and the ack listener make;
 * {@link SetpointDeliveryStore} is the JDBC one (each method's contract is there), tests have an
 * in-memory one.
 */
public interface DeliveryStore {

  SetpointDeliveryStore.Queued queue(
      NewSetpointCommand command, Instant now, Instant firstAttemptAt) throws SQLException;

  List<TrackedCommand> claimDue(Instant now, int limit, Instant leaseUntil) throws SQLException;

  void markSent(String commandId, Instant sentAt, Instant nextAttemptAt) throws SQLException;

  void sendFailed(String commandId, String reason, Instant retryAt) throws SQLException;

  List<TrackedCommand> expire(Instant now) throws SQLException;

  SetpointDeliveryStore.Settlement settle(DeviceAck ack, Instant receivedAt) throws SQLException;

  Optional<TrackedCommand> find(String commandId) throws SQLException;

  long inFlightCount() throws SQLException;
}
