package de.vorlauf.persistence.ops;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The fleet's preset views. "Problems" is what ops triage: an active building with a device that is
 * offline, stale (messages arrive but the newest reading is older than the offline time), never
 * seen, or whose messages were quarantined recently.
 */
public enum FleetFilter {
  ALL("TRUE"),
  PROBLEMS("active AND (offline > 0 OR stale > 0 OR never_seen > 0 OR quarantined > 0)"),
  OFFLINE("active AND offline > 0"),
  STALE("active AND stale > 0"),
  QUARANTINING("quarantined > 0"),
  NEVER_SEEN("active AND never_seen > 0"),
  INACTIVE("NOT active");

  /**
   * A condition over the columns of {@link FleetRepository}' rows; constant text, no user input.
   */
  final String predicate;

  FleetFilter(String predicate) {
    this.predicate = predicate;
  }

  /** The name in URLs and JSON, e.g. {@code never_seen}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<FleetFilter> fromCode(String code) {
    return Arrays.stream(values()).filter(f -> f.code().equals(code)).findFirst();
  }
}
