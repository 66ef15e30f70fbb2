package de.vorlauf.simulator.physics;

import static de.vorlauf.simulator.physics.TestBuildings.JANUARY;
import static de.vorlauf.simulator.physics.TestBuildings.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import de.vorlauf.domain.heating.HeatingType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EnergyBalanceTest {

  private static final double CP_KJ = 4.186;

  @ParameterizedTest
  @EnumSource(HeatingType.class)
  void aWinterWeekConservesEnergyInTheBuildingAndAtTheMeter(HeatingType type) {
    BuildingSimulation sim = TestBuildings.simulate(TestBuildings.house(type), JANUARY);
    sim.advanceTo(JANUARY.plus(Duration.ofDays(1)));
    EnergyLedger start = sim.ledger();
    double meterStart = value(sim, "heat_energy");
    double meteredFromFlowKWh = 0;
    Instant end = JANUARY.plus(Duration.ofDays(8));
    for (Instant t = sim.time().plusSeconds(60); !t.isAfter(end); t = t.plusSeconds(60)) {
      sim.advanceTo(t);
      double flowLPerMin = value(sim, "flow_rate_hk1");
      double spreadK = value(sim, "vorlauf_temp_hk1") - value(sim, "ruecklauf_temp_hk1");
      meteredFromFlowKWh += flowLPerMin * CP_KJ * spreadK / 3600.0;
    }
    EnergyLedger week = sim.ledger().minus(start);

    assertThat(week.spaceHeatKWh()).isGreaterThan(100);
    assertThat(week.storedKWh()).isNotZero();
    // heat delivered + gains − envelope losses − Δ stored in the thermal mass
    assertThat(week.balanceResidualKWh()).isCloseTo(0.0, within(1e-6 * week.envelopeLossKWh()));
    assertThat(value(sim, "heat_energy") - meterStart)
        .isCloseTo(week.spaceHeatKWh(), within(0.002));
    assertThat(meteredFromFlowKWh)
        .isCloseTo(week.spaceHeatKWh(), within(0.02 * week.spaceHeatKWh()));
    assertThat(week.dhwHeatKWh()).isGreaterThan(0);
  }

  @ParameterizedTest
  @EnumSource(HeatingType.class)
  void theGeneratorPaysForEveryKilowattHourItProduces(HeatingType type) {
    BuildingSimulation sim = TestBuildings.simulate(TestBuildings.house(type), JANUARY);
    sim.advanceTo(JANUARY.plus(Duration.ofDays(7)));
    EnergyLedger week = sim.ledger();
    double produced = week.heatProducedKWh();

    switch (type) {
      case GAS -> {
        assertThat(week.electricityKWh() + week.districtHeatKWh()).isZero();
        assertThat(produced / week.gasKWh()).isBetween(0.87, 0.98);
      }
      case FERNWAERME -> {
        assertThat(week.gasKWh() + week.electricityKWh()).isZero();
        assertThat(week.districtHeatKWh()).isCloseTo(produced, within(1e-6 * produced));
      }
      case WAERMEPUMPE -> {
        assertThat(week.gasKWh() + week.districtHeatKWh()).isZero();
        assertThat(produced / week.electricityKWh())
            .isBetween(HeatGenerator.COP_MIN, HeatGenerator.COP_MAX);
      }
      case HYBRID -> {
        assertThat(week.districtHeatKWh()).isZero();
        assertThat(week.electricityKWh()).isPositive();
        assertThat(week.gasKWh()).isPositive();
        double gasHeatMax = 0.98 * week.gasKWh();
        double heatPumpHeatMax = HeatGenerator.COP_MAX * week.electricityKWh();
        assertThat(produced).isLessThanOrEqualTo(gasHeatMax + heatPumpHeatMax);
        assertThat(produced)
            .isGreaterThanOrEqualTo(
                0.87 * week.gasKWh() + HeatGenerator.COP_MIN * week.electricityKWh());
      }
      // a new heating type needs its generator in HeatGenerator and its bill here
      default -> fail("no energy expectation for " + type);
    }
  }
}
