package de.vorlauf.simulator.physics;

/**
 * Domestic hot water draws: how many taps open in a given minute follows a daily profile with a
 * morning and an evening peak; each draw takes 4–16 litres heated from 10 °C to 50 °C. The draws of
 * a minute are a hash of (building seed, minute), so they do not depend on how the building is
 * stepped.
 */
final class DhwDraws {

  private static final double MEAN_DRAW_LITRES = 10.0;
  private static final double HEAT_PER_LITRE_J = Circuit.CP * (50.0 - 10.0);

  /** Share of a day's hot water per local hour: peaks 6–8 h and 18–21 h, little at night. */
  private static final double[] HOURLY_SHARE =
      normalised(
          new double[] {
            0.3, 0.2, 0.2, 0.2, 0.3, 1.0, 3.0, 4.0, 3.0, 1.8, 1.3, 1.3,
            1.5, 1.3, 1.0, 1.0, 1.2, 1.8, 2.8, 3.2, 2.8, 2.0, 1.2, 0.6
          });

  private final long seed;
  private final double drawsPerDay;

  DhwDraws(long seed, double litresPerDay) {
    this.seed = seed;
    this.drawsPerDay = litresPerDay / MEAN_DRAW_LITRES;
  }

  /** Heat needed to reheat the water drawn in the minute starting at {@code epochMinute}. */
  double drawJoules(long epochMinute, double localHour) {
    double expected = drawsPerDay * HOURLY_SHARE[(int) localHour] / 60.0;
    if (expected <= 0) {
      return 0;
    }
    long h1 = SeedMix.mix(seed, epochMinute, 0xD4L);
    long h2 = SeedMix.mix(h1);
    int draws = (int) expected + (SeedMix.unit(h1) < expected - (int) expected ? 1 : 0);
    if (draws == 0) {
      return 0;
    }
    double litres = draws * (MEAN_DRAW_LITRES + 12.0 * (SeedMix.unit(h2) - 0.5));
    return litres * HEAT_PER_LITRE_J;
  }

  private static double[] normalised(double[] weights) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    double[] share = new double[weights.length];
    for (int i = 0; i < weights.length; i++) {
      share[i] = weights[i] / sum;
    }
    return share;
  }
}
