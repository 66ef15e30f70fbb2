package de.vorlauf.domain.optimization;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.heating.EquipmentLimits;
import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.domain.heating.HeatingType;
import java.time.Duration;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the optimiser over generated houses, curves, weather and predictions. */
class OptimizerPropertiesTest {

  @Property(tries = 500)
  void theSetpointNeverLeavesTheEquipmentLimitsOrTheCurvesRange(
      @ForAll HeatingType type,
      @ForAll @DoubleRange(min = -25, max = 25) double forecastC,
      @ForAll @DoubleRange(min = -2, max = 40) double predictedKw,
      @ForAll @DoubleRange(min = 0.05, max = 1.5) double uaKwPerK,
      @ForAll @DoubleRange(min = 3, max = 70) double designExcessK,
      @ForAll boolean indoorSensor,
      @ForAll @IntRange(min = 0, max = 23) int hourOfDay,
      @ForAll @DoubleRange(min = 20, max = 60) double baseC,
      @ForAll @DoubleRange(min = 0, max = 3) double slope,
      @ForAll @DoubleRange(min = 20, max = 35) double curveMinC,
      @ForAll @DoubleRange(min = 40, max = 90) double curveMaxC) {
    SyntheticHouse house = SyntheticHouse.of(type);
    house.uaKwPerK = uaKwPerK;
    house.designExcessK = designExcessK;
    house.indoorSensor = indoorSensor;
    house.asOf = SyntheticHouse.AS_OF.plus(Duration.ofHours(hourOfDay));
    house.curve = new HeatingCurve(baseC, slope, curveMinC, curveMaxC);

    OptimizationResult result = house.optimize(forecastC, predictedKw);

    EquipmentLimits limits = type.limits();
    assertThat(result.recommendedFlowC())
        .isBetween(Math.max(limits.minFlowC(), curveMinC), Math.min(limits.maxFlowC(), curveMaxC));
    assertThat(result.baselineFlowC()).isBetween(limits.minFlowC(), limits.maxFlowC());
    assertThat(result.confidence()).isBetween(0.0, 1.0);
    assertThat(result.predictedSavingsPercent()).isBetween(-100.0, 100.0);
    assertThat(result.recommendedRoomC()).isBetween(17.0, 22.0);
  }

  @Property(tries = 500)
  void colderOutsideNeverLowersTheBaselineFlow(
      @ForAll HeatingType type,
      @ForAll @DoubleRange(min = -30, max = 35) double warmerC,
      @ForAll @DoubleRange(min = 0, max = 30) double colderByK,
      @ForAll @IntRange(min = 0, max = 23) int hourOfDay,
      @ForAll @DoubleRange(min = 20, max = 60) double baseC,
      @ForAll @DoubleRange(min = 0, max = 3) double slope) {
    SyntheticHouse house = SyntheticHouse.of(type);
    house.asOf = SyntheticHouse.AS_OF.plus(Duration.ofHours(hourOfDay));
    house.curve = new HeatingCurve(baseC, slope, 25, 75);

    double warm = house.optimize(warmerC, 3.0).baselineFlowC();
    double cold = house.optimize(warmerC - colderByK, 3.0).baselineFlowC();

    assertThat(cold).isGreaterThanOrEqualTo(warm);
  }

  @Property(tries = 500)
  void morePredictedHeatNeverLowersTheRecommendedFlow(
      @ForAll HeatingType type,
      @ForAll @DoubleRange(min = -15, max = 15) double forecastC,
      @ForAll @DoubleRange(min = 0.3, max = 10) double lessKw,
      @ForAll @DoubleRange(min = 0, max = 5) double moreByKw,
      @ForAll @DoubleRange(min = 5, max = 60) double designExcessK,
      @ForAll @IntRange(min = 0, max = 23) int hourOfDay) {
    SyntheticHouse house = SyntheticHouse.of(type);
    house.designExcessK = designExcessK;
    house.asOf = SyntheticHouse.AS_OF.plus(Duration.ofHours(hourOfDay));

    OptimizationResult less = house.optimize(forecastC, lessKw);
    OptimizationResult more = house.optimize(forecastC, lessKw + moreByKw);
    Assume.that(!less.isFallback() && !more.isFallback());

    assertThat(more.recommendedFlowC()).isGreaterThanOrEqualTo(less.recommendedFlowC() - 1e-9);
  }
}
