package de.vorlauf.domain.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.domain.heating.HeatingType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One strategy per heating type, each against the constraint it exists for. */
class OptimizersTest {

  @Test
  void theLowestFlowThatHoldsTheTargetRoomBeatsAnOverSteepCurve() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.GAS);
    OptimizationResult result = house.optimize(2.0, house.heatKw(2.0));

    assertThat(result.fallback()).isNull();
    assertThat(result.recommendedRoomC()).isEqualTo(20.3);
    assertThat(result.sendRoomSetpoint()).isTrue();
    EmitterModel model = EmitterEstimator.estimate(house.history(), house.type).model();
    // need = prediction + UA · (20.3 − 20.5) + UA · (20.3 − 20.5): level and last-hour correction
    double need = house.heatKw(2.0) - 2 * house.uaKwPerK * 0.2;
    assertThat(result.recommendedFlowC()).isCloseTo(model.flowFor(need, 20.3), within(1e-6));
    assertThat(result.baselineFlowC()).isEqualTo(35 + 1.5 * 18);
    assertThat(result.recommendedFlowC()).isLessThan(result.baselineFlowC());
    assertThat(result.predictedSavingsPercent()).isBetween(0.0, 100.0).isGreaterThan(5.0);
    assertThat(result.confidence()).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
    assertThat(result.validUntil()).isEqualTo(SyntheticHouse.AS_OF.plus(Duration.ofMinutes(70)));
    assertThat(result.demand().version()).isEqualTo(3);
  }

  @Test
  void withoutAnIndoorSensorTheBuildingKeepsItsCurveAndNoRoomSetpointIsSent() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.GAS);
    house.indoorSensor = false;
    OptimizationResult result = house.optimize(2.0, house.heatKw(2.0));

    assertThat(result.fallback()).isEqualTo(Fallback.NO_ROOM_MEASUREMENT);
    assertThat(result.fallbackReason()).contains("no indoor temperature");
    assertThat(result.sendRoomSetpoint()).isFalse();
    assertThat(result.recommendedFlowC()).isEqualTo(result.baselineFlowC());
    assertThat(result.confidence()).isZero();
  }

  @Test
  void theModelMovesTheHeatNeedByItsWeightOnlySoTheLoopCannotFeedOnItself() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.GAS);
    EmitterModel model = EmitterEstimator.estimate(house.history(), house.type).model();
    double truth = house.heatKw(2.0);

    OptimizationResult right = house.optimize(2.0, truth);
    OptimizationResult doubled = house.optimize(2.0, 2 * truth);

    double needRight = model.heatAt(right.recommendedFlowC(), right.recommendedRoomC());
    double needDoubled = model.heatAt(doubled.recommendedFlowC(), doubled.recommendedRoomC());
    assertThat(needDoubled - needRight).isCloseTo(HeatNeed.MODEL_WEIGHT * truth, within(1e-6));
  }

  @Test
  void aColdRoomLastHourRaisesTheFlow() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.GAS);
    house.roomC = 19.5;
    OptimizationResult cold = house.optimize(2.0, house.heatKw(2.0));

    OptimizationResult warm = SyntheticHouse.of(HeatingType.GAS).optimize(2.0, house.heatKw(2.0));

    assertThat(cold.bindingConstraints()).anyMatch(c -> c.startsWith("comfort recovery"));
    assertThat(cold.recommendedFlowC()).isGreaterThan(warm.recommendedFlowC() + 1);
  }

  @Test
  void aSetpointAboveAFlatCurveIsANegativeSavingNeverAPositiveOne() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.GAS);
    house.curve = new HeatingCurve(25, 0.5, 25, 75);
    OptimizationResult result = house.optimize(2.0, house.heatKw(2.0));

    assertThat(result.recommendedFlowC()).isGreaterThan(result.baselineFlowC());
    assertThat(result.predictedSavingsPercent()).isNegative().isGreaterThanOrEqualTo(-100);
  }

  @Test
  void atNightTheSetbacksLowerHeatIsRaisedToHoldTheTargetRoom() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.GAS);
    house.nightRoomC = 17.5;
    house.asOf = Instant.parse("2026-01-15T23:00:00Z"); // midnight in Berlin
    double predicted = house.uaKwPerK * (17.5 - 0.0); // what the setback nights drew

    OptimizationResult result = house.optimize(0.0, predicted);

    EmitterModel model = EmitterEstimator.estimate(house.history(), house.type).model();
    assertThat(result.recommendedRoomC()).isEqualTo(20.3);
    assertThat(model.heatAt(result.recommendedFlowC(), 20.3))
        .isGreaterThanOrEqualTo(house.uaKwPerK * (20.3 - 0.0));
  }

  @Test
  void gasCondensingReportsAReturnAboveTheDewPoint() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.GAS);
    house.designExcessK = 45;

    assertThat(house.optimize(-12.0, house.heatKw(-12.0)).constraintsViolated())
        .anyMatch(c -> c.startsWith("condensing"));
    assertThat(house.optimize(8.0, house.heatKw(8.0)).constraintsViolated()).isEmpty();
  }

  @Test
  void heatPumpFlowMovesAtMostThreeKelvinAnHour() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.WAERMEPUMPE);
    double lastFlow = house.history().get(house.hours - 1).flowC();

    OptimizationResult up = house.optimize(-10.0, 1.8 * house.heatKw(house.outdoorC(1)));
    assertThat(up.recommendedFlowC()).isCloseTo(lastFlow + 3, within(1e-9));
    assertThat(up.bindingConstraints()).contains("short cycling: flow rises at most 3 K per hour");

    OptimizationResult down = house.optimize(12.0, 0.3 * house.heatKw(house.outdoorC(1)));
    assertThat(down.recommendedFlowC()).isCloseTo(lastFlow - 3, within(1e-9));
    assertThat(down.bindingConstraints())
        .contains("short cycling: flow falls at most 3 K per hour");
  }

  @Test
  void aRunningHeatPumpIsKeptAtItsMinimumRun() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.WAERMEPUMPE);
    house.uaKwPerK = 0.1;
    house.designExcessK = 4; // a flow only a few kelvin above the room: the step limit stays loose

    OptimizationResult result = house.optimize(15.0, 0.15);

    assertThat(result.bindingConstraints())
        .anyMatch(c -> c.startsWith("minimum run") || c.startsWith("short cycling"));
    EmitterModel model = EmitterEstimator.estimate(house.history(), house.type).model();
    double maxHeat =
        house.history().stream().mapToDouble(HourObservation::heatPowerKw).max().orElseThrow();
    assertThat(model.heatAt(result.recommendedFlowC(), result.recommendedRoomC()))
        .isGreaterThanOrEqualTo(HeatPumpOptimizer.MIN_RUN_SHARE * maxHeat - 1e-6);
  }

  @Test
  void aHeatPumpAimsAtTheSameRoomByNightAsByDay() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.WAERMEPUMPE);
    Instant midnight = Instant.parse("2026-01-15T23:00:00Z");
    double heat = house.heatKw(2.0);

    double night =
        Optimizers.forType(house.type)
            .optimize(house.input(midnight, 2.0, heat))
            .recommendedRoomC();

    assertThat(night).isEqualTo(house.optimize(2.0, heat).recommendedRoomC()).isEqualTo(20.3);
  }

  @Test
  void districtHeatingLowersTheFlowUntilTheReturnHoldsTheCap() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.FERNWAERME);
    house.designExcessK = 45;
    OptimizationResult result = house.optimize(-12.0, house.heatKw(-12.0));

    EmitterModel model = EmitterEstimator.estimate(house.history(), house.type).model();
    assertThat(model.returnAt(result.recommendedFlowC(), result.recommendedRoomC()))
        .isCloseTo(50.0, within(1e-3));
    assertThat(result.bindingConstraints()).anyMatch(c -> c.startsWith("district return limit"));
    assertThat(result.constraintsViolated()).anyMatch(c -> c.startsWith("district return limit"));

    assertThat(house.optimize(8.0, house.heatKw(8.0)).bindingConstraints())
        .noneMatch(c -> c.startsWith("district"));
  }

  @Test
  void hybridKeepsTheFlowWithinTheHeatPumpsLimitWheneverTheHeatAllows() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.HYBRID);
    house.designExcessK = 45;

    OptimizationResult mild = house.optimize(8.0, house.heatKw(8.0));
    assertThat(mild.recommendedFlowC()).isLessThanOrEqualTo(55.0);
    assertThat(mild.constraintsViolated()).isEmpty();

    // a room with slack coasts on the heat pump (HybridOptimizerTest); one below it needs the
    // boiler
    house.roomC = 19.9;
    OptimizationResult cold = house.optimize(-12.0, house.heatKw(-12.0));
    assertThat(cold.recommendedFlowC()).isGreaterThan(55.0);
    assertThat(cold.constraintsViolated()).anyMatch(c -> c.startsWith("heat pump flow limit"));
  }

  @Test
  void theCurvesMaximumBindsAndIsReported() {
    SyntheticHouse house = SyntheticHouse.of(HeatingType.GAS);
    house.designExcessK = 60;
    OptimizationResult result = house.optimize(-14.0, house.heatKw(-14.0));

    assertThat(result.recommendedFlowC()).isEqualTo(75.0);
    assertThat(result.bindingConstraints()).contains("curve maximum flow");
    assertThat(result.constraintsViolated()).anyMatch(c -> c.startsWith("curve maximum flow"));
  }

  @Test
  void finalEnergyFollowsTheTextbookEfficiencies() {
    assertThat(FinalEnergy.condensingEfficiency(25)).isEqualTo(0.98);
    assertThat(FinalEnergy.condensingEfficiency(55)).isCloseTo(0.88, within(1e-9));
    assertThat(FinalEnergy.condensingEfficiency(60)).isEqualTo(0.87);
    assertThat(FinalEnergy.cop(35, 2)).isGreaterThan(FinalEnergy.cop(50, 2));
    assertThat(FinalEnergy.cop(35, 2)).isBetween(3.0, 5.0);
    assertThat(FinalEnergy.kWh(HeatingType.FERNWAERME, 5, 60, 40, 0)).isEqualTo(5);
    assertThat(FinalEnergy.kWh(HeatingType.HYBRID, 5, 50, 40, 0))
        .isEqualTo(FinalEnergy.kWh(HeatingType.WAERMEPUMPE, 5, 50, 40, 0));
    assertThat(FinalEnergy.kWh(HeatingType.HYBRID, 5, 60, 45, 0))
        .isEqualTo(FinalEnergy.kWh(HeatingType.GAS, 5, 60, 45, 0));
  }
}
