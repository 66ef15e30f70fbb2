package de.vorlauf.webadmin.ops;

import java.time.Instant;
import java.util.Map;

/**
 * What ops see of one registered device.
 *
 * @param state {@code online}, {@code offline} or {@code never_seen}
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

  public long quarantined() {
    return quarantineByReason.values().stream().mapToLong(Long::longValue).sum();
  }
}
