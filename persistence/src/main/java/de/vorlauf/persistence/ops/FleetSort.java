package de.vorlauf.persistence.ops;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The columns the fleet can be sorted by; ties are broken by building id. */
public enum FleetSort {
  ID("id"),
  NAME("lower(name)"),
  DEVICES("devices"),
  OFFLINE("offline"),
  STALE("stale"),
  NEVER_SEEN("never_seen"),
  LAST_MESSAGE("last_message"),
  LAST_READING("last_reading"),
  QUARANTINED("quarantined");

  /** A column expression of {@link FleetRepository}' rows; constant text, no user input. */
  final String column;

  FleetSort(String column) {
    this.column = column;
  }

  /** The name in URLs, e.g. {@code last_reading}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<FleetSort> fromCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
  }
}
