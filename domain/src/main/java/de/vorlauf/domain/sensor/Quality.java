package de.vorlauf.domain.sensor;

import java.util.Optional;

/** How far a device trusts its own reading (the source document's good / uncertain / bad). */
public enum Quality {
  GOOD,
  UNCERTAIN,
  BAD;

  /** The quality a reading has when the device does not say: the source document's default. */
  public static final Quality DEFAULT = GOOD;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Optional<Quality> fromWireName(String name) {
    for (Quality quality : values()) {
      if (quality.wireName().equals(name)) {
        return Optional.of(quality);
      }
    }
    return Optional.empty();
  }
}
