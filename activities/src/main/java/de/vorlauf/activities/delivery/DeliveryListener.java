package de.vorlauf.activities.delivery;

import de.vorlauf.persistence.delivery.DeliveryState;
import java.time.Duration;

/**
 * Told what the delivery did: the worker turns it into metrics. Called on the delivery's threads;
 * must not block.
 */
public interface DeliveryListener {

  DeliveryListener NONE = new DeliveryListener() {};

  /** A send the broker accepted; {@code resend} when the command was sent before. */
  default void sent(boolean resend) {}

  /** A send that failed (the command stays in flight). */
  default void sendFailed() {}

  /**
   * A command reached a final state.
   *
   * @param ackLatency first send to the device's ack (APPLIED, REJECTED); null otherwise
   */
  default void settled(DeliveryState state, Duration ackLatency) {}

  /**
   * An ack that changed no state: {@code repeated}, {@code late}, {@code unknown}, {@code failed}.
   */
  default void ackIgnored(String why) {}

  /** An ack message that could not be read. */
  default void unreadableAck() {}

  /** Commands queued or sent and not yet settled, counted after every dispatcher pass. */
  default void inFlight(long commands) {}
}
