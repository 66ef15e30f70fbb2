package de.vorlauf.domain.optimization;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.heating.NightSetback;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every fallback runs the building's own curve, with confidence 0 and its cause in words. */
class FallbackTest {

  private final SyntheticHouse house = SyntheticHouse.of(HeatingType.GAS);

  @ParameterizedTest(name = "test_specific_values: {0} °C outside → baseline {1} °C")
  @CsvSource({"0.0, 65.0", "10.0, 50.0", "20.0, 35.0", "-20.0, 75.0", "30.0, 25.0"})
  void theBaselineIsTheSourceDocumentsCurve(double outdoorC, double flowC) {
    OptimizationInput input = house.input(outdoorC, 3.0);
    OptimizationInput noSetback =
        new OptimizationInput(
            input.config().withNightSetback(NightSetback.disabled()),
            input.state(),
            input.outdoorForecastC(),
            null);

    OptimizationResult result = Optimizers.forType(HeatingType.GAS).optimize(noSetback);

    assertThat(result.baselineFlowC()).isEqualTo(flowC);
    assertFallback(result, Fallback.NO_MODEL, "no demand prediction");
  }

  @Test
  void noForecastUsesTheLastOutdoorReadingForTheBaseline() {
    OptimizationInput input = house.input(2.0, 3.0);
    OptimizationResult result =
        optimize(new OptimizationInput(input.config(), input.state(), List.of(), input.demand()));

    double lastOutdoor = house.outdoorC(1);
    assertThat(result.baselineFlowC())
        .isEqualTo(input.config().flowTemperatureC(SyntheticHouse.AS_OF, lastOutdoor));
    assertFallback(result, Fallback.NO_FORECAST, "outdoor reading");
  }

  @Test
  void noForecastAndNoReadingRunsTheCurveAtTheDesignTemperature() {
    OptimizationInput input = house.input(2.0, 3.0);
    OptimizationResult result =
        optimize(
            new OptimizationInput(
                input.config(),
                new BuildingState(SyntheticHouse.AS_OF, List.of()),
                List.of(),
                input.demand()));

    assertThat(result.baselineFlowC()).isEqualTo(75.0);
    assertFallback(result, Fallback.NO_FORECAST, "design temperature");
  }

  @Test
  void tooLittleHistory() {
    house.hours = 20;
    assertFallback(house.optimize(2.0, 3.0), Fallback.INSUFFICIENT_HISTORY, "at least 24");
  }

  @Test
  void poorDataQuality() {
    house.quality = 0.3;
    assertFallback(house.optimize(2.0, 3.0), Fallback.POOR_DATA_QUALITY, "0.30, below 0.50");
  }

  @Test
  void hoursMissingFromTheLastDayCountAsNoQuality() {
    OptimizationInput input = house.input(2.0, 3.0);
    var history = input.state().history();
    var olderThan14Hours = history.subList(0, history.size() - 14);
    OptimizationInput gappy =
        new OptimizationInput(
            input.config(),
            new BuildingState(SyntheticHouse.AS_OF, olderThan14Hours),
            input.outdoorForecastC(),
            input.demand());

    assertFallback(optimize(gappy), Fallback.POOR_DATA_QUALITY, "0.42, below 0.50");
  }

  @Test
  void aNegativePredictionIsImplausible() {
    assertFallback(house.optimize(2.0, -1.0), Fallback.IMPLAUSIBLE_PREDICTION, "-1.00 kW");
  }

  @Test
  void aPredictionFarBeyondAnythingTheHistoryDrewIsImplausible() {
    assertFallback(house.optimize(2.0, 30.0), Fallback.IMPLAUSIBLE_PREDICTION, "more than 2×");
  }

  @Test
  void noHeatPredictedIsOutOfSeason() {
    assertFallback(house.optimize(18.0, 0.05), Fallback.OUT_OF_SEASON, "no heating demand");
  }

  @Test
  void aTinyShareOfTheLargestHourIsOutOfSeason() {
    house.uaKwPerK = 1.0; // up to 22.5 kW: 2 % is 0.45 kW
    assertFallback(house.optimize(18.0, 0.3), Fallback.OUT_OF_SEASON, "under 2 %");
  }

  private static OptimizationResult optimize(OptimizationInput input) {
    return Optimizers.forType(input.config().heatingType()).optimize(input);
  }

  private static void assertFallback(OptimizationResult result, Fallback cause, String words) {
    assertThat(result.fallback()).isEqualTo(cause);
    assertThat(result.fallbackReason()).contains(words);
    assertThat(result.recommendedFlowC()).isEqualTo(result.baselineFlowC());
    assertThat(result.confidence()).isZero();
    assertThat(result.predictedSavingsPercent()).isZero();
    assertThat(result.validUntil()).isEqualTo(result.timestamp().plus(Duration.ofMinutes(70)));
  }
}
