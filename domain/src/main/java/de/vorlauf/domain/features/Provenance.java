package de.vorlauf.domain.features;

/**
 * How one feature value of a 15-minute slot was obtained, with the weight it carries in the row's
 * quality score. The code is what {@code building_features} stores (a smallint per value), so the
 * codes never change meaning.
 */
public enum Provenance {
  /** No value: a gap longer than 8 slots, or past the fill limit at the edge of the data. */
  EMPTY(0, 0.0),
  /** The mean of the slot's good and uncertain readings. */
  RAW(1, 1.0),
  /** Forward-filled (or, at the leading edge of the data, back-filled) from the nearest value. */
  FILLED(2, 0.75),
  /** Interpolated linearly in time between the values on either side of the gap. */
  INTERPOLATED(3, 0.5);

  private final int code;
  private final double weight;

  Provenance(int code, double weight) {
    this.code = code;
    this.weight = weight;
  }

  public int code() {
    return code;
  }

  /** The value's share in the row's quality: 1 raw, 0.75 filled, 0.5 interpolated, 0 empty. */
  public double weight() {
    return weight;
  }

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Provenance ofCode(int code) {
    for (Provenance p : values()) {
      if (p.code == code) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown provenance code " + code);
  }
}
