package de.vorlauf.domain.ingest;

import java.time.Duration;
import java.time.Instant;

/**
 * The online/offline rule: a device is offline once no message arrived for {@code offlineAfter}; it
 * is online again after {@code onlineAfter} messages that came without such a gap between them (one
 * stray message does not make a flapping device green). A device seen for the first time counts as
 * having come back from offline.
 */
public record DeviceLiveness(Duration offlineAfter, int onlineAfter) {

  /** Ten minutes, two messages: the defaults. */
  public static final DeviceLiveness DEFAULT = new DeviceLiveness(Duration.ofMinutes(10), 2);

  private static final int STREAK_CAP = 1_000_000;

  public DeviceLiveness {
    if (offlineAfter.isNegative() || offlineAfter.isZero() || onlineAfter < 1) {
      throw new IllegalArgumentException("offlineAfter must be positive and onlineAfter >= 1");
    }
  }

  /**
   * The stored state of one device.
   *
   * @param streak messages since the last gap longer than {@code offlineAfter}
   * @param stateChangedAt when {@code online} last changed
   */
  public record State(boolean online, int streak, Instant lastSeen, Instant stateChangedAt) {}

  /**
   * The state after {@code messages} more messages arrived between {@code firstArrival} and {@code
   * lastArrival}.
   *
   * @param previous null for a device never seen
   */
  public State onMessages(State previous, Instant firstArrival, Instant lastArrival, int messages) {
    if (previous == null) {
      boolean online = messages >= onlineAfter;
      return new State(online, Math.min(messages, STREAK_CAP), lastArrival, lastArrival);
    }
    boolean gap = Duration.between(previous.lastSeen(), firstArrival).compareTo(offlineAfter) > 0;
    int streak = gap ? messages : (int) Math.min((long) previous.streak() + messages, STREAK_CAP);
    boolean online = (!gap && previous.online()) || streak >= onlineAfter;
    Instant lastSeen = lastArrival.isAfter(previous.lastSeen()) ? lastArrival : previous.lastSeen();
    Instant changedAt;
    if (gap) {
      changedAt =
          online
              ? lastArrival
              : previous.online()
                  ? previous.lastSeen().plus(offlineAfter)
                  : previous.stateChangedAt();
    } else {
      changedAt = online != previous.online() ? lastArrival : previous.stateChangedAt();
    }
    return new State(online, streak, lastSeen, changedAt);
  }

  /** Whether a stored state means online at {@code now} (the sweep may not have run yet). */
  public boolean onlineAt(State state, Instant now) {
    return state.online() && Duration.between(state.lastSeen(), now).compareTo(offlineAfter) <= 0;
  }
}
