package de.vorlauf.simulator.physics;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Central European outdoor temperature: a seasonal cycle (coldest mid-January), a daily cycle
 * (warmest mid-afternoon, wider in summer) and weather as a sum of seeded sinusoids with periods
 * from hours to weeks. A sum of sinusoids rather than a random walk makes the temperature a pure
 * function of (seed, time): a building stepped minute by minute and one backfilled a month at once
 * see the same weather, and every building of a fleet can share one instance without locking.
 */
public final class Weather {

  private static final int COMPONENTS = 10;
  private static final double TWO_PI = 2 * Math.PI;
  private static final long DAY_S = 86_400;

  /** Gregorian mean year, so the seasons do not drift against the calendar. */
  private static final long YEAR_S = 31_556_952;

  private static final long COLDEST_DAY_OFFSET_S = 15 * DAY_S;
  private static final long WARMEST_HOUR_UTC_S = 14 * 3600;
  private static final double WEATHER_STD_K = 3.2;

  private final double annualMeanC;
  private final double seasonalAmplitudeK;
  private final long[] periodS = new long[COMPONENTS];
  private final double[] amplitudeK = new double[COMPONENTS];
  private final double[] phase = new double[COMPONENTS];

  private final long offsetS;

  public Weather(long seed) {
    this(seed, Duration.ZERO);
  }

  /**
   * @param seasonOffset the temperature at t is the model's at t + offset (whole days keep the
   *     daily cycle on the clock): a recent period can be made winter for the closed-loop harness
   */
  public Weather(long seed, Duration seasonOffset) {
    this.offsetS = seasonOffset.getSeconds();
    SplittableRandom random = new SplittableRandom(seed);
    annualMeanC = 9.5 + random.nextDouble(-0.5, 0.5);
    seasonalAmplitudeK = 9.5 + random.nextDouble(-0.5, 0.5);
    double sumSquares = 0;
    for (int i = 0; i < COMPONENTS; i++) {
      // log-uniform periods between 6 h and 15 days; longer periods carry more variance (red noise)
      double hours = 6 * Math.pow(60.0, random.nextDouble());
      periodS[i] = Math.round(hours * 3600);
      amplitudeK[i] = Math.sqrt(hours) * random.nextDouble(0.5, 1.0);
      phase[i] = random.nextDouble(TWO_PI);
      sumSquares += amplitudeK[i] * amplitudeK[i] / 2;
    }
    double scale = WEATHER_STD_K / Math.sqrt(sumSquares);
    for (int i = 0; i < COMPONENTS; i++) {
      amplitudeK[i] *= scale;
    }
  }

  public double outdoorC(Instant t) {
    return outdoorC(t.getEpochSecond());
  }

  /** The same as {@link #outdoorC(Instant)} without allocating, for the simulation's inner loop. */
  public double outdoorC(long at) {
    long epochSecond = at + offsetS;
    double season = Math.cos(cyclePhase(epochSecond - COLDEST_DAY_OFFSET_S, YEAR_S));
    double seasonal = annualMeanC - seasonalAmplitudeK * season;
    double dailyAmplitude = 3.0 - 1.5 * season;
    double daily = dailyAmplitude * Math.cos(cyclePhase(epochSecond - WARMEST_HOUR_UTC_S, DAY_S));
    double noise = 0;
    for (int i = 0; i < COMPONENTS; i++) {
      noise += amplitudeK[i] * Math.sin(cyclePhase(epochSecond, periodS[i]) + phase[i]);
    }
    return seasonal + daily + noise;
  }

  /** 2π·(t mod period)/period, reduced in integer arithmetic to keep sin arguments small. */
  private static double cyclePhase(long epochSecond, long periodS) {
    return TWO_PI * Math.floorMod(epochSecond, periodS) / periodS;
  }
}
