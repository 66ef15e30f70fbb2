package de.vorlauf.activities.delivery;

import de.vorlauf.persistence.delivery.DeliveryState;
import de.vorlauf.persistence.delivery.DeliveryStore;
import de.vorlauf.persistence.delivery.NewSetpointCommand;
import de.vorlauf.persistence.delivery.SetpointDeliveryStore;
import de.vorlauf.persistence.delivery.TrackedCommand;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracked setpoint delivery: {@link #deliver} queues a command (superseding the device and
 * circuit's command in flight) and sends it at once, so the caller's "command published" includes
 * the first send; from then on a {@link SetpointDispatcher} resends it every resend interval until
 * the device acknowledges it or it expires. Every send publishes the stored bytes with an MQTT 5
 * message expiry of {@code valid_until − now}. A send that fails is recorded on the command, not
 * thrown: the command is queued, the dispatcher tries again. Thread-safe.
 */
public final class SetpointDelivery {

  private static final Logger log = LoggerFactory.getLogger(SetpointDelivery.class);

  private final DeliveryStore store;
  private final CommandSender sender;
  private final Duration resend;
  private final Clock clock;
  private final DeliveryListener listener;

  /**
   * @param resend how long a sent command waits for its ack before it is sent again
   * @param clock "now" of queueing, sending and expiry (the closed-loop harness's simulated one)
   */
  public SetpointDelivery(
      DeliveryStore store,
      CommandSender sender,
      Duration resend,
      Clock clock,
      DeliveryListener listener) {
    this.store = Objects.requireNonNull(store, "store");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.resend = Objects.requireNonNull(resend, "resend");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listener = Objects.requireNonNull(listener, "listener");
    if (resend.isNegative() || resend.isZero()) {
      throw new IllegalArgumentException("resend interval must be positive: " + resend);
    }
  }

  /**
   * Queues the command and makes its first send. Idempotent per command id: a retry finds the
   * stored command and sends it only if it is still in flight and was never sent.
   *
   * @return the command as stored after the attempt
   * @throws SQLException when it could not be queued (nothing was sent)
   */
  public TrackedCommand deliver(NewSetpointCommand command) throws SQLException {
    Instant now = clock.instant();
    // the first attempt is this call's: a dispatcher takes over only if it never recorded one
    SetpointDeliveryStore.Queued queued = store.queue(command, now, now.plus(resend));
    TrackedCommand row = queued.command();
    if (queued.created()) {
      if (queued.superseded() != null) {
        listener.settled(DeliveryState.SUPERSEDED, null);
      }
      if (!row.state().inFlight()) {
        log.info(
            "setpoint {} for {}: {} ({})",
            row.commandId(),
            row.deviceId(),
            row.state(),
            row.reason());
        listener.settled(row.state(), null);
      }
    }
    if (row.state().inFlight() && row.attempts() == 0) {
      send(row, now);
      return store.find(row.commandId()).orElse(row);
    }
    return row;
  }

  /**
   * Sends a command in flight once and records the attempt, or the failure; false when it was not
   * accepted (already past {@code valid_until}, or the send failed).
   */
  boolean send(TrackedCommand row, Instant now) throws SQLException {
    Duration expiry = Duration.between(now, row.validUntil());
    if (expiry.isNegative() || expiry.isZero()) {
      // the dispatcher's expiry settles it; sending it now could only be rejected
      return false;
    }
    try {
      sender.send(row.deviceId(), row.payload(), expiry);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      log.warn(
          "setpoint {} for {}: send failed, retried in {}: {}",
          row.commandId(),
          row.deviceId(),
          resend,
          e.toString());
      store.sendFailed(row.commandId(), "send failed: " + e, now.plus(resend));
      listener.sendFailed();
      return false;
    }
    store.markSent(row.commandId(), now, now.plus(resend));
    listener.sent(row.attempts() > 0);
    return true;
  }

  Duration resend() {
    return resend;
  }

  Clock clock() {
    return clock;
  }

  DeliveryStore store() {
    return store;
  }

  DeliveryListener listener() {
    return listener;
  }
}
