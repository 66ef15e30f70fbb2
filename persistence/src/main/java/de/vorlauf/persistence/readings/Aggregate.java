package de.vorlauf.persistence.readings;

import java.util.Optional;

/**
 * What a bucket's value is: the source document's aggregate columns. Each maps to SQL that is
 * chosen here, never taken from the request.
 */
public enum Aggregate {
  AVG("avg", "avg(r.value)", "h.avg_value", "a.sum_value / a.reading_count"),
  MIN("min", "min(r.value)", "h.min_value", "a.min_value"),
  MAX("max", "max(r.value)", "h.max_value", "a.max_value");

  private final String wireName;
  final String ofRaw;
  final String ofRollup;
  final String ofArchive;

  Aggregate(String wireName, String ofRaw, String ofRollup, String ofArchive) {
    this.wireName = wireName;
    this.ofRaw = ofRaw;
    this.ofRollup = ofRollup;
    this.ofArchive = ofArchive;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<Aggregate> fromWireName(String name) {
    for (Aggregate a : values()) {
      if (a.wireName.equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
