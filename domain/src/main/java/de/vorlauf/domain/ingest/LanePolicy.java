package de.vorlauf.domain.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a message is put in a {@link Lane} when its sender did not say: by the age of its newest
 * reading when it arrived. A device that publishes live on its usual topic and, after an outage,
 * its buffer on the same topic therefore needs no change: the buffered messages go to the backlog
 * lane, the current ones stay live. The newest reading decides, not the message timestamp, so a
 * message that carries one current reading among old ones counts as live.
 *
 * @param liveWindow readings at most this old on arrival are live
 */
public record LanePolicy(Duration liveWindow) {

  /** Five minutes: well past a minute's sampling plus clock skew and a short reconnect. */
  public static final LanePolicy DEFAULT = new LanePolicy(Duration.ofMinutes(5));

  public LanePolicy {
    Objects.requireNonNull(liveWindow, "liveWindow");
    if (liveWindow.isNegative() || liveWindow.isZero()) {
      throw new IllegalArgumentException("liveWindow must be positive, not " + liveWindow);
    }
  }

  /**
   * @param newestReading the newest reading's time; null when the message holds none (it is then
   *     live: it costs the lane nothing and may carry status a person is waiting for)
   * @param receivedAt arrival at Vorlauf
   */
  public Lane classify(Instant newestReading, Instant receivedAt) {
    if (newestReading == null) {
      return Lane.LIVE;
    }
    return newestReading.isBefore(receivedAt.minus(liveWindow)) ? Lane.BACKLOG : Lane.LIVE;
  }

  /** The sender's word wins: a message on a backlog topic or in a bulk upload is backlog. */
  public Lane classify(boolean sentAsBacklog, Instant newestReading, Instant receivedAt) {
    return sentAsBacklog ? Lane.BACKLOG : classify(newestReading, receivedAt);
  }
}
