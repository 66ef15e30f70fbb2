package de.vorlauf.domain.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How far a reference clock is ahead of the local (worker) clock, as measured: the true offset lies
 * within {@code offset ± uncertainty}.
 *
 * <p>A remote clock is read over a round trip: the local clock says {@code sentAt} before the
 * request and {@code receivedAt} after the answer. The remote reading was taken somewhere in
 * between, so the best estimate is the midpoint and the uncertainty is half the round trip.
 *
 * @param source the reference clock, e.g. "database"
 * @param offset reference minus local; positive when the reference clock is ahead
 * @param uncertainty half-width of the interval the true offset lies in, never negative
 */
public record ClockOffset(String source, Duration offset, Duration uncertainty) {

  public ClockOffset {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(offset, "offset");
    Objects.requireNonNull(uncertainty, "uncertainty");
    if (uncertainty.isNegative()) {
      throw new IllegalArgumentException("uncertainty must not be negative: " + uncertainty);
    }
  }

  /**
   * The offset of a remote clock read once during a local round trip.
   *
   * @param remoteTime what the remote clock said
   * @param sentAt local clock before the request
   * @param receivedAt local clock after the answer
   */
  public static ClockOffset fromRoundTrip(
      String source, Instant remoteTime, Instant sentAt, Instant receivedAt) {
    if (receivedAt.isBefore(sentAt)) {
      throw new IllegalArgumentException(
          "round trip ends before it starts: " + sentAt + " > " + receivedAt);
    }
    Duration halfTrip = Duration.between(sentAt, receivedAt).dividedBy(2);
    Instant midpoint = sentAt.plus(halfTrip);
    return new ClockOffset(source, Duration.between(midpoint, remoteTime), halfTrip);
  }

  /** The smallest skew the measurement allows (zero when the interval contains zero). */
  Duration minimumSkew() {
    Duration least = offset.abs().minus(uncertainty);
    return least.isNegative() ? Duration.ZERO : least;
  }

  /** The largest skew the measurement allows. */
  Duration maximumSkew() {
    return offset.abs().plus(uncertainty);
  }

  /** The offset of {@code other} relative to this clock, uncertainties added. */
  ClockOffset relativeTo(ClockOffset other) {
    return new ClockOffset(
        other.source + " vs " + source,
        offset.minus(other.offset).negated(),
        uncertainty.plus(other.uncertainty));
  }
}
