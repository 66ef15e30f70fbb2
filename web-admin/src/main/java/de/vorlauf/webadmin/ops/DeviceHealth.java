package de.vorlauf.webadmin.ops;

import java.time.Instant;
import java.util.Map;

/**
 * What ops see of one registered device.
 *
 * @param state {@code online}, {@code offline}, {@code stale} (messages arrive, the newest reading
 *     is older than the offline time) or {@code never_seen}
 * @param readingsPerMinute readings that arrived in the last five minutes, per minute
 * @param quarantineByReason rows in the quarantine per reason code
 */
public record DeviceHealth(
    String deviceId,
    String buildingId,
    boolean active,
    String state,
    Instant lastSeen,
    Instant lastReadingTime,
    Instant stateChangedAt,
    double readingsPerMinute,
    long messageCount,
    long readingCount,
    Map<String, Long> quarantineByReason) {

  public static final String ONLINE = "online";
  public static final String OFFLINE = "offline";
  public static final String NEVER_SEEN = "never_seen";
  public static final String STALE = "stale";

  /**
   * The fleet's rule for a device the ingestion has seen: offline by the liveness rule, else stale
   * while its newest reading is missing or older than the offline time (a backlog being uploaded, a
   * clock ten days behind), else online. A device is never online on old readings.
   *
   * @param online the liveness rule's verdict at {@code now}
   */
  public static String stateOf(
      boolean online, Instant lastReadingTime, Instant now, java.time.Duration offlineAfter) {
    if (!online) {
      return OFFLINE;
    }
    return lastReadingTime == null || lastReadingTime.isBefore(now.minus(offlineAfter))
        ? STALE
        : ONLINE;
  }

  public long quarantined() {
    return quarantineByReason.values().stream().mapToLong(Long::longValue).sum();
  }
}
