package de.vorlauf.activities.delivery;

import de.vorlauf.persistence.delivery.DeliveryState;
import de.vorlauf.persistence.delivery.DeliveryStore;
import de.vorlauf.persistence.delivery.DeviceAck;
import de.vorlauf.persistence.delivery.NewSetpointCommand;
import de.vorlauf.persistence.delivery.SetpointDeliveryStore.Outcome;
import de.vorlauf.persistence.delivery.SetpointDeliveryStore.Queued;
import de.vorlauf.persistence.delivery.SetpointDeliveryStore.Settlement;
import de.vorlauf.persistence.delivery.TrackedCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The delivery's transitions in memory for unit tests, single-threaded: newer supersedes, claims
 * lease, sends count, acks settle (SetpointDeliveryStoreIT checks the JDBC store's finer rules).
 */
final class InMemoryDeliveryStore implements DeliveryStore {

  private final Map<String, TrackedCommand> rows = new LinkedHashMap<>();

  @Override
  public Queued queue(NewSetpointCommand c, Instant now, Instant firstAttemptAt) {
    if (rows.containsKey(c.commandId())) {
      return new Queued(rows.get(c.commandId()), false, null);
    }
    String superseded = null;
    for (TrackedCommand row : List.copyOf(rows.values())) {
      if (row.state().inFlight()
          && row.deviceId().equals(c.deviceId())
          && row.circuit() == c.circuit()) {
        put(with(row, DeliveryState.SUPERSEDED, row.attempts(), null, now, row.reason()));
        superseded = row.commandId();
      }
    }
    TrackedCommand row =
        new TrackedCommand(
            c.commandId(),
            c.buildingId(),
            c.deviceId(),
            c.circuit(),
            c.asOf(),
            c.origin(),
            c.flowTempSetpoint(),
            c.roomSetpoint(),
            c.issuedAt(),
            c.validUntil(),
            c.payload(),
            DeliveryState.QUEUED,
            0,
            now,
            null,
            null,
            firstAttemptAt,
            null,
            null,
            null,
            null,
            null);
    put(row);
    return new Queued(row, true, superseded);
  }

  @Override
  public List<TrackedCommand> claimDue(Instant now, int limit, Instant leaseUntil) {
    List<TrackedCommand> due =
        rows.values().stream()
            .filter(r -> r.state().inFlight())
            .filter(r -> !r.nextAttemptAt().isAfter(now) && r.validUntil().isAfter(now))
            .sorted(Comparator.comparing(TrackedCommand::nextAttemptAt))
            .limit(limit)
            .toList();
    due.forEach(r -> put(with(r, r.state(), r.attempts(), leaseUntil, null, r.reason())));
    return due.stream().map(r -> rows.get(r.commandId())).toList();
  }

  @Override
  public void markSent(String id, Instant sentAt, Instant nextAttemptAt) {
    TrackedCommand r = rows.get(id);
    DeliveryState state = r.state() == DeliveryState.QUEUED ? DeliveryState.SENT : r.state();
    put(
        with(
            r,
            state,
            r.attempts() + 1,
            state.inFlight() ? nextAttemptAt : null,
            r.settledAt(),
            r.reason()));
  }

  @Override
  public void sendFailed(String id, String reason, Instant retryAt) {
    TrackedCommand r = rows.get(id);
    put(with(r, r.state(), r.attempts(), retryAt, null, reason));
  }

  @Override
  public List<TrackedCommand> expire(Instant now) {
    List<TrackedCommand> expired =
        rows.values().stream()
            .filter(r -> r.state().inFlight() && !r.validUntil().isAfter(now))
            .toList();
    expired.forEach(
        r -> put(with(r, DeliveryState.EXPIRED, r.attempts(), null, now, "valid_until passed")));
    return expired;
  }

  @Override
  public Settlement settle(DeviceAck ack, Instant receivedAt) {
    TrackedCommand r = rows.get(ack.commandId());
    if (r == null || !r.deviceId().equals(ack.deviceId())) {
      return new Settlement(Outcome.UNKNOWN, null, null);
    }
    if (!r.state().inFlight()) {
      return new Settlement(Outcome.REPEATED, r, null);
    }
    DeliveryState state = ack.applied() ? DeliveryState.APPLIED : DeliveryState.REJECTED;
    put(with(r, state, r.attempts(), null, receivedAt, ack.reason()));
    return new Settlement(Outcome.SETTLED, r, Duration.between(r.queuedAt(), receivedAt));
  }

  @Override
  public Optional<TrackedCommand> find(String commandId) {
    return Optional.ofNullable(rows.get(commandId));
  }

  @Override
  public long inFlightCount() {
    return rows.values().stream().filter(r -> r.state().inFlight()).count();
  }

  private void put(TrackedCommand row) {
    rows.put(row.commandId(), row);
  }

  private static TrackedCommand with(
      TrackedCommand r,
      DeliveryState state,
      int attempts,
      Instant nextAttemptAt,
      Instant settledAt,
      String reason) {
    return new TrackedCommand(
        r.commandId(),
        r.buildingId(),
        r.deviceId(),
        r.circuit(),
        r.asOf(),
        r.origin(),
        r.flowTempSetpoint(),
        r.roomSetpoint(),
        r.issuedAt(),
        r.validUntil(),
        r.payload(),
        state,
        attempts,
        r.queuedAt(),
        r.firstSentAt(),
        r.lastSentAt(),
        nextAttemptAt,
        settledAt,
        reason,
        r.supersededBy(),
        r.appliedValue(),
        r.appliedAt());
  }
}
