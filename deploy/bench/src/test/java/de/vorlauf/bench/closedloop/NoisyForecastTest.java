package de.vorlauf.bench.closedloop;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.optimization.BuildingState;
import de.vorlauf.simulator.physics.Weather;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoisyForecastTest {

  private static final Weather WEATHER = new Weather(42, Duration.ofDays(50));
  private static final Instant AS_OF = Instant.parse("2026-11-25T06:00:00Z");

  @Test
  void theSameBuildingAndHourGetTheSameForecastAndOthersAnother() {
    NoisyForecast forecast = new NoisyForecast(WEATHER, 42);
    BuildingState state = new BuildingState(AS_OF, List.of());
    List<Double> first = forecast.outdoorC("cl-0001", state, 24);
    assertThat(first).hasSize(24);
    assertThat(new NoisyForecast(WEATHER, 42).outdoorC("cl-0001", state, 24)).isEqualTo(first);
    assertThat(forecast.outdoorC("cl-0002", state, 24)).isNotEqualTo(first);
  }

  @Test
  void theErrorIsAroundTheActualWeatherAndGrowsWithTheLead() {
    NoisyForecast forecast = new NoisyForecast(WEATHER, 7);
    int runs = 2_000;
    double[] sum = new double[2];
    double[] squares = new double[2];
    int[] leads = {0, 23};
    for (int i = 0; i < runs; i++) {
      Instant asOf = AS_OF.plusSeconds(3600L * i);
      List<Double> hours = forecast.outdoorC("cl-0001", new BuildingState(asOf, List.of()), 24);
      for (int k = 0; k < 2; k++) {
        int h = leads[k];
        double error = hours.get(h) - WEATHER.outdoorC(asOf.getEpochSecond() + h * 3600L + 1800);
        sum[k] += error;
        squares[k] += error * error;
      }
    }
    for (int k = 0; k < 2; k++) {
      assertThat(Math.abs(sum[k] / runs)).isLessThan(0.2);
    }
    double sigmaNow = Math.sqrt(squares[0] / runs);
    double sigmaLater = Math.sqrt(squares[1] / runs);
    assertThat(sigmaNow).isBetween(0.9, 1.1);
    assertThat(sigmaLater).isBetween(3.0, 3.6);
  }
}
