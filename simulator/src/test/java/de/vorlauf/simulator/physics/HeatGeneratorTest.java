package de.vorlauf.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.domain.heating.HeatingType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HeatGeneratorTest {

  @Test
  void copRisesWithWarmerSourceAndCoolerFlowWithinRealisticBounds() {
    assertThat(HeatGenerator.cop(35, 7)).isGreaterThan(HeatGenerator.cop(35, -7));
    assertThat(HeatGenerator.cop(35, 0)).isGreaterThan(HeatGenerator.cop(55, 0));
    assertThat(HeatGenerator.cop(35, 7)).isBetween(3.5, 5.0);
    assertThat(HeatGenerator.cop(55, -7)).isBetween(1.8, 3.0);
    for (double flow = 20; flow <= 55; flow += 5) {
      for (double outdoor = -25; outdoor <= 35; outdoor += 5) {
        assertThat(HeatGenerator.cop(flow, outdoor))
            .isBetween(HeatGenerator.COP_MIN, HeatGenerator.COP_MAX);
      }
    }
  }

  @Test
  void condensingEfficiencyFallsWithTheReturnTemperature() {
    assertThat(HeatGenerator.condensingEfficiency(25)).isEqualTo(0.98);
    assertThat(HeatGenerator.condensingEfficiency(30)).isEqualTo(0.98);
    assertThat(HeatGenerator.condensingEfficiency(42.5)).isCloseTo(0.925, within(1e-9));
    assertThat(HeatGenerator.condensingEfficiency(55)).isCloseTo(0.87, within(1e-9));
    assertThat(HeatGenerator.condensingEfficiency(70)).isCloseTo(0.87, within(1e-9));
    double previous = 1;
    for (double r = 20; r <= 70; r += 0.5) {
      assertThat(HeatGenerator.condensingEfficiency(r)).isLessThanOrEqualTo(previous);
      previous = HeatGenerator.condensingEfficiency(r);
    }
  }

  @Test
  void aHotterCurveCostsTheBoilerItsCondensingGain() {
    BuildingSpec spec = TestBuildings.house(HeatingType.GAS);
    HeatingCurve c = spec.curve();
    BuildingSpec hot =
        TestBuildings.withCurve(
            spec, new HeatingCurve(c.baseC() + 20, c.slope(), c.minFlowC(), 80));
    double plain = seasonalRatio(spec, TestBuildings.JANUARY, l -> l.gasKWh());
    double hotter = seasonalRatio(hot, TestBuildings.JANUARY, l -> l.gasKWh());
    assertThat(plain).isGreaterThan(hotter + 0.02);
  }

  @Test
  void aHeatPumpWorksBetterInSpringThanInJanuary() {
    BuildingSpec spec = TestBuildings.house(HeatingType.WAERMEPUMPE);
    double january = seasonalRatio(spec, TestBuildings.JANUARY, EnergyLedger::electricityKWh);
    double april =
        seasonalRatio(spec, Instant.parse("2026-04-06T00:00:00Z"), EnergyLedger::electricityKWh);
    assertThat(april).isGreaterThan(january + 0.3);
    assertThat(january).isBetween(2.0, 4.5);
  }

  @Test
  void aHybridLetsTheBoilerHelpOnlyWhenItIsCold() {
    BuildingSpec spec = TestBuildings.house(HeatingType.HYBRID);
    EnergyLedger cold = week(spec, TestBuildings.JANUARY);
    EnergyLedger mild = week(spec, Instant.parse("2026-04-06T00:00:00Z"));
    // hot water is always the boiler's; room heating is the heat pump's above the bivalence point
    double dhwEfficiency = HeatGenerator.condensingEfficiency(HeatGenerator.DHW_RETURN_C);
    double coldRoomGas = cold.gasKWh() - cold.dhwHeatKWh() / dhwEfficiency;
    double mildRoomGas = mild.gasKWh() - mild.dhwHeatKWh() / dhwEfficiency;
    assertThat(mildRoomGas).isLessThan(0.01 * mild.spaceHeatKWh());
    assertThat(coldRoomGas / cold.spaceHeatKWh()).isGreaterThan(mildRoomGas / mild.spaceHeatKWh());
  }

  private static double seasonalRatio(
      BuildingSpec spec, Instant start, java.util.function.ToDoubleFunction<EnergyLedger> input) {
    EnergyLedger week = week(spec, start);
    return week.heatProducedKWh() / input.applyAsDouble(week);
  }

  private static EnergyLedger week(BuildingSpec spec, Instant start) {
    BuildingSimulation sim = TestBuildings.simulate(spec, start);
    sim.advanceTo(start.plus(Duration.ofDays(7)));
    return sim.ledger();
  }
}
