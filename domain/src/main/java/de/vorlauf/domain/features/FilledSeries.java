package de.vorlauf.domain.features;

/** A sensor's slot values after the gap rule, each with how it was obtained. */
public record FilledSeries(double[] values, Provenance[] provenance) {

  public FilledSeries {
    if (values.length != provenance.length) {
      throw new IllegalArgumentException("values and provenance differ in length");
    }
  }

  public Sample sample(int slot) {
    return new Sample(values[slot], provenance[slot]);
  }

  public int size() {
    return values.length;
  }
}
