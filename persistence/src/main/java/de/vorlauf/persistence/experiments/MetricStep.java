package de.vorlauf.persistence.experiments;

/** One point of a stepped metric (an epoch's loss); {@code step} counts from 0. */
public record MetricStep(long step, double value) {

  public MetricStep {
    if (step < 0) {
      throw new IllegalArgumentException("step must be 0 or more, not " + step);
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("a metric must be a finite number, not " + value);
    }
  }
}
