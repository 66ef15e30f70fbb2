package de.vorlauf.worker.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts acknowledgements back into arrival order. MQTT requires PUBACKs in the order the PUBLISH
 * packets arrived ([MQTT-4.6.0-2]), but messages finish out of order (several ingest threads,
 * batches). A message is acknowledged once it and every message that arrived before it on the same
 * connection are finished. Not thread-safe: the caller holds one lock around a call and the sending
 * of the acknowledgements it returns, so that they leave in order.
 */
final class AckSequencer {

  /** One received message. */
  static final class Slot {
    final int messageId;
    final int qos;
    private boolean finished;
    private boolean acknowledge;

    private Slot(int messageId, int qos) {
      this.messageId = messageId;
      this.qos = qos;
    }

    @Override
    public String toString() {
      return "Slot[id=" + messageId + ", qos=" + qos + "]";
    }
  }

  private final ArrayDeque<Slot> arrivals = new ArrayDeque<>();

  /** Registers a message in arrival order. */
  Slot arrived(int messageId, int qos) {
    Slot slot = new Slot(messageId, qos);
    arrivals.addLast(slot);
    return slot;
  }

  /**
   * Marks a message finished.
   *
   * @param acknowledge false when the message must not be acknowledged (its readings were not
   *     committed): it stays with the broker, which delivers it again after a reconnect
   * @return the messages to acknowledge now, in arrival order (QoS 0 ones are never returned)
   */
  List<Slot> finished(Slot slot, boolean acknowledge) {
    if (slot.finished) {
      throw new IllegalStateException(slot + " finished twice");
    }
    slot.finished = true;
    slot.acknowledge = acknowledge;
    List<Slot> ready = new ArrayList<>();
    while (!arrivals.isEmpty() && arrivals.peekFirst().finished) {
      Slot head = arrivals.pollFirst();
      if (head.acknowledge && head.qos > 0) {
        ready.add(head);
      }
    }
    return ready;
  }

  /** Messages received and not yet finished, or finished but waiting behind an earlier one. */
  int waiting() {
    return arrivals.size();
  }
}
