package de.vorlauf.domain.sensor;

/**
 * How a reading's time was obtained. The source document's per-sensor message carries no timestamp
 * (its ingester stamps {@code utcnow()}); such a reading is kept, with the time the worker received
 * it, and marked so that readers can tell a measured time from a receive time.
 */
public enum TimestampSource {
  /** The device (or its vendor cloud) said when it measured. */
  DEVICE,
  /** The message had no timestamp: the worker's receive time stands in for it. */
  RECEIPT;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
