package de.vorlauf.domain.features;

/** One feature value and how it was obtained; an empty sample's value is NaN. */
public record Sample(double value, Provenance provenance) {

  public static final Sample EMPTY = new Sample(Double.NaN, Provenance.EMPTY);

  public Sample {
    if (provenance == Provenance.EMPTY) {
      value = Double.NaN;
    } else if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("a " + provenance.wireName() + " value must be finite");
    }
  }

  public boolean isEmpty() {
    return provenance == Provenance.EMPTY;
  }

  /** The value, or null when empty (for JSON and SQL). */
  public Double orNull() {
    return isEmpty() ? null : value;
  }
}
