package de.vorlauf.bench.closedloop;

import de.vorlauf.domain.optimization.BuildingState;
import de.vorlauf.domain.optimization.WeatherForecast;
import de.vorlauf.simulator.physics.Weather;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The harness's second forecast scenario ({@code forecast=noisy}): what a weather service would
 * send, the coming hours' actual outdoor temperature with an error that grows with the lead time (σ
 * = 1 K + 0.1 K per hour ahead, Gaussian, reproducible per building and hour). It knows the
 * simulator's weather because a weather service knows the weather; the optimiser sees only the
 * temperatures, through the same port as the platform's persistence forecast.
 */
final class NoisyForecast implements WeatherForecast {

  private static final double BASE_SIGMA_K = 1.0;
  private static final double SIGMA_PER_HOUR_K = 0.1;

  private final Weather weather;
  private final long seed;

  NoisyForecast(Weather weather, long seed) {
    this.weather = weather;
    this.seed = seed;
  }

  @Override
  public List<Double> outdoorC(String buildingId, BuildingState state, int hours) {
    long asOf = state.asOf().getEpochSecond();
    SplittableRandom random = new SplittableRandom(seed ^ buildingId.hashCode() * 31L ^ asOf);
    List<Double> out = new ArrayList<>(hours);
    for (int h = 0; h < hours; h++) {
      // the hour's mean, sampled at its middle
      double actual = weather.outdoorC(asOf + h * 3600L + 1800);
      double sigma = BASE_SIGMA_K + SIGMA_PER_HOUR_K * h;
      out.add(actual + sigma * gaussian(random));
    }
    return out;
  }

  /** Box-Muller: SplittableRandom has no nextGaussian on Java 17. */
  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
