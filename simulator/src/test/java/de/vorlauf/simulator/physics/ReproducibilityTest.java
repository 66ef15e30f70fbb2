package de.vorlauf.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.heating.HeatingType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReproducibilityTest {

  private final Instant start = TestBuildings.JANUARY;
  private final Instant end = start.plus(Duration.ofDays(2));

  @Test
  void theSameSpecGivesTheSameSamplesMinuteByMinute() {
    for (BuildingSpec spec : FleetSpecs.generate(5, 8, "r")) {
      assertThat(trace(spec, new Weather(9))).isEqualTo(trace(spec, new Weather(9)));
    }
  }

  @Test
  void aBackfillInOneGoEndsWhereMinuteStepsEnd() {
    BuildingSpec spec = TestBuildings.house(HeatingType.WAERMEPUMPE);
    BuildingSimulation stepped = TestBuildings.simulate(spec, start);
    for (Instant t = start; !t.isAfter(end); t = t.plusSeconds(60)) {
      stepped.advanceTo(t);
    }
    BuildingSimulation atOnce = TestBuildings.simulate(spec, start);
    atOnce.advanceTo(end);
    assertThat(atOnce.sample()).isEqualTo(stepped.sample());
    assertThat(atOnce.ledger()).isEqualTo(stepped.ledger());
  }

  @Test
  void anotherSeedDrawsOtherHotWater() {
    BuildingSpec spec = TestBuildings.house(HeatingType.FERNWAERME);
    BuildingSpec other =
        new BuildingSpec(
            spec.config(),
            spec.uaWPerK(),
            spec.thermalMassJPerK(),
            spec.radiatorNominalW(),
            spec.radiatorExponent(),
            spec.hasIndoorSensor(),
            spec.dhwLitresPerDay(),
            spec.seed() + 1);
    BuildingSimulation a = TestBuildings.simulate(spec, start);
    BuildingSimulation b = TestBuildings.simulate(other, start);
    a.advanceTo(end);
    b.advanceTo(end);
    assertThat(a.ledger().dhwHeatKWh()).isNotEqualTo(b.ledger().dhwHeatKWh());
    // 150 L/day heated by 40 K is about 7 kWh a day
    assertThat(a.ledger().dhwHeatKWh() / 2).isBetween(4.0, 10.0);
  }

  private List<SensorSample> trace(BuildingSpec spec, Weather weather) {
    BuildingSimulation sim = new BuildingSimulation(spec, weather, start);
    List<SensorSample> all = new ArrayList<>();
    for (Instant t = start; t.isBefore(end); t = t.plusSeconds(60)) {
      sim.advanceTo(t);
      all.addAll(sim.sample());
    }
    return all;
  }
}
