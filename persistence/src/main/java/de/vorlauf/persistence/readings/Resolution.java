package de.vorlauf.persistence.readings;

import java.util.Optional;

/** How finely readings are read back: every reading, 15-minute buckets or hours. */
public enum Resolution {
  /** Every stored reading. */
  RAW("raw"),
  /** 15-minute buckets computed from raw readings with {@code date_bin}. */
  QUARTER_HOUR("15m"),
  /** Hours from the hourly rollup (kept longer than raw readings). */
  HOUR("1h");

  private final String wireName;

  Resolution(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<Resolution> fromWireName(String name) {
    for (Resolution r : values()) {
      if (r.wireName.equals(name)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
