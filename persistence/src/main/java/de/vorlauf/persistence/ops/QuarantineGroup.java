package de.vorlauf.persistence.ops;

import java.time.Instant;
import java.util.Locale;

/**
 * Quarantine rows that share a device, a sensor or a reason.
 *
 * @param key the shared value; null is "none" (e.g. a row without a sensor)
 */
public record QuarantineGroup(String key, long rows, Instant firstReceived, Instant lastReceived) {

  /** What the rows can be grouped by. */
  public enum By {
    DEVICE("device_id"),
    SENSOR("sensor_id"),
    REASON("reason");

    /** The column; constant text, no user input. */
    final String column;

    By(String column) {
      this.column = column;
    }

    /** The name in URLs, e.g. {@code sensor}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
