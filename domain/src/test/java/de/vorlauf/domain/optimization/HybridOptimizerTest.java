package de.vorlauf.domain.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.vorlauf.domain.heating.Bivalence;
import de.vorlauf.domain.heating.HeatingType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The hybrid's strategy: heat with the heat pump, preheat before cold hours, coast through them
 * (docs/architecture.md, "Hybrids").
 */
class HybridOptimizerTest {

  private static final double USUAL_TARGET_C = 20.3;

  private static OptimizationResult optimize(SyntheticHouse house, List<Double> forecast) {
    double predicted = house.heatKw(forecast.get(0));
    return Optimizers.forType(HeatingType.HYBRID)
        .optimize(
            new OptimizationInput(
                house.config(),
                new BuildingState(house.asOf, house.history()),
                forecast,
                new DemandPrediction("heat-demand", 3, predicted, 0.1 * predicted)));
  }

  /**
   * A forecast with a shape of its own: {@code firstC} now, {@code laterC} from hour {@code at}.
   */
  private static List<Double> forecast(double firstC, double laterC, int at) {
    List<Double> hours = new ArrayList<>();
    for (int k = 0; k < 24; k++) {
      hours.add(k < at ? firstC + 0.1 * k : laterC);
    }
    return hours;
  }

  @Test
  void mildHoursWithNoColdComingKeepTheUsualTarget() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.HYBRID);
    OptimizationResult result = optimize(house, forecast(6.0, 4.0, 6));

    assertThat(result.fallback()).isNull();
    assertThat(result.recommendedRoomC()).isEqualTo(USUAL_TARGET_C);
  }

  @Test
  void coldHoursWithinTheHorizonPreheatTheRoomWithTheHeatPump() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.HYBRID);
    OptimizationResult soon = optimize(house, forecast(4.0, -5.0, HybridOptimizer.HORIZON_H - 1));
    OptimizationResult later = optimize(house, forecast(4.0, -5.0, HybridOptimizer.HORIZON_H));

    assertThat(soon.recommendedRoomC())
        .isCloseTo(USUAL_TARGET_C + HybridOptimizer.PREHEAT_K, within(1e-9));
    assertThat(later.recommendedRoomC()).isEqualTo(USUAL_TARGET_C);
    assertThat(soon.recommendedFlowC()).isGreaterThan(later.recommendedFlowC());
  }

  @Test
  void belowTheBivalencePointTheRoomCoastsOnTheHeatPumpsHeat() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.HYBRID);
    house.designExcessK = 45;
    OptimizationResult result = optimize(house, forecast(-8.0, -8.0, 24));

    double coastC = 20.0 + HybridOptimizer.COAST_MARGIN_K;
    assertThat(result.recommendedRoomC()).isCloseTo(coastC, within(1e-9));
    EmitterModel model = EmitterEstimator.estimate(house.history(), house.type).model();
    double ua = HeatLoss.uaKwPerK(house.history(), model, SyntheticHouse.BERLIN);
    double heatPumpKw = ua * Bivalence.HYBRID_DEFAULT.designLoadK();
    assertThat(result.recommendedFlowC())
        .isCloseTo(model.flowFor(heatPumpKw, coastC), within(1e-6))
        .isLessThanOrEqualTo(HybridOptimizer.HEAT_PUMP_MAX_FLOW_C);
    assertThat(result.bindingConstraints()).anyMatch(c -> c.startsWith("bivalence"));
    assertThat(result.constraintsViolated()).isEmpty();
  }

  @Test
  void aRoomWithoutSlackGetsTheHeatItNeedsFromTheBoilerAndItIsReported() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.HYBRID);
    house.designExcessK = 45;
    house.roomC = 19.9;
    OptimizationResult result = optimize(house, forecast(-12.0, -12.0, 24));

    assertThat(result.recommendedFlowC()).isGreaterThan(HybridOptimizer.HEAT_PUMP_MAX_FLOW_C);
    assertThat(result.bindingConstraints()).noneMatch(c -> c.startsWith("bivalence"));
    assertThat(result.constraintsViolated()).anyMatch(c -> c.startsWith("heat pump flow limit"));
  }

  @Test
  void aFlatForecastGetsTheBuildingsOwnDailyCycle() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.HYBRID);
    OptimizationInput input =
        new OptimizationInput(
            house.config(),
            new BuildingState(house.asOf, house.history()),
            Collections.nCopies(24, 3.0),
            null);

    double[] outlook = OutdoorOutlook.of(input, 24);

    // the house's outdoor temperature `ago` hours back is 2 + ago/24 + 4·sin(2π·ago/24): each
    // local hour of day averages to ago/24 + 4·sin(2π·ago/24) plus a constant (ago in 1..24), and
    // persistence repeats the hour one back
    double from = 1 / 24.0 + 4 * Math.sin(2 * Math.PI / 24);
    for (int k = 0; k < 24; k++) {
      int ago = k == 0 ? 24 : 24 - k;
      double expected = 3.0 + ago / 24.0 + 4 * Math.sin(2 * Math.PI * ago / 24) - from;
      assertThat(outlook[k]).as("hour %d", k).isCloseTo(expected, within(1e-9));
    }
  }

  @Test
  void aForecastWithAShapeIsTakenAsItIsAndAShortOneGivesNoOutlook() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.HYBRID);
    List<Double> shaped = forecast(4.0, -5.0, 6);
    BuildingState state = new BuildingState(house.asOf, house.history());

    double[] outlook =
        OutdoorOutlook.of(new OptimizationInput(house.config(), state, shaped, null), 24);
    assertThat(outlook).containsExactly(shaped.stream().mapToDouble(d -> d).toArray());
    assertThat(
            OutdoorOutlook.of(
                new OptimizationInput(house.config(), state, shaped.subList(0, 6), null), 12))
        .isEmpty();
  }

  @Property(tries = 300)
  void theRoomStaysWithinTheComfortBandAndTheFlowWithinTheLimits(
      @ForAll @Size(24) List<@DoubleRange(min = -20, max = 15) Double> forecastC,
      @ForAll @DoubleRange(min = 19.0, max = 22.0) double roomC,
      @ForAll @DoubleRange(min = 5, max = 60) double designExcessK,
      @ForAll @IntRange(min = 0, max = 23) int hourOfDay) {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.HYBRID);
    house.roomC = roomC;
    house.designExcessK = designExcessK;
    house.asOf = SyntheticHouse.AS_OF.plus(Duration.ofHours(hourOfDay));

    OptimizationResult result = optimize(house, forecastC);

    var config = house.config();
    assertThat(result.recommendedRoomC())
        .isBetween(config.comfortTempMin(), config.comfortTempMax());
    assertThat(result.recommendedFlowC())
        .isBetween(
            Math.max(HeatingType.HYBRID.limits().minFlowC(), config.curve().minFlowC()),
            Math.min(HeatingType.HYBRID.limits().maxFlowC(), config.curve().maxFlowC()));
  }
}
