package de.vorlauf.simulator.physics;

import static de.vorlauf.simulator.physics.TestBuildings.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.heating.NightSetback;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The simulated controller runs the domain's curve and setback; the physics follows it. */
class HeatingCurveTest {

  @Test
  void theControllerTargetsTheDomainsFlowTemperature() {
    BuildingSpec spec = TestBuildings.house(HeatingType.GAS);
    BuildingSimulation sim = TestBuildings.simulate(spec, TestBuildings.JANUARY);
    BuildingConfig config = spec.config();
    for (int h = 1; h <= 48; h++) {
      Instant t = TestBuildings.JANUARY.plus(Duration.ofHours(h));
      sim.advanceTo(t);
      double outdoor = value(sim, "outdoor_temp");
      assertThat(sim.controllerTargetC())
          .as("hour %d", h)
          .isCloseTo(
              config.flowTemperatureC(t, TestBuildings.WEATHER.outdoorC(t.getEpochSecond())),
              within(1e-9));
      assertThat(outdoor)
          .isCloseTo(TestBuildings.WEATHER.outdoorC(t.getEpochSecond()), within(0.01));
    }
  }

  @Test
  void theSimulatedFlowFollowsTheOutdoorTemperature() {
    BuildingSpec spec = TestBuildings.house(HeatingType.GAS);
    Instant start = Instant.parse("2026-11-01T00:00:00Z");
    BuildingSimulation sim = TestBuildings.simulate(spec, start);
    int n = 0;
    double sumX = 0, sumY = 0, sumXx = 0, sumYy = 0, sumXy = 0;
    for (int day = 1; day <= 120; day++) {
      // local noon, outside the setback window
      sim.advanceTo(start.plus(Duration.ofDays(day)).plus(Duration.ofHours(11)));
      double outdoor = value(sim, "outdoor_temp");
      double flow = value(sim, "vorlauf_temp_hk1");
      if (value(sim, "flow_rate_hk1") > 0) {
        n++;
        sumX += outdoor;
        sumY += flow;
        sumXx += outdoor * outdoor;
        sumYy += flow * flow;
        sumXy += outdoor * flow;
      }
    }
    double correlation =
        (n * sumXy - sumX * sumY)
            / Math.sqrt((n * sumXx - sumX * sumX) * (n * sumYy - sumY * sumY));
    assertThat(n).isGreaterThan(100);
    assertThat(correlation).isLessThan(-0.95);
  }

  @Test
  void nightSetbackLowersTheFlowInTheBuildingsLocalNight() {
    BuildingSpec berlin = TestBuildings.house(HeatingType.GAS);
    HeatingCurve c = berlin.curve();
    BuildingSpec noSetback = TestBuildings.withSetback(berlin, NightSetback.disabled());
    BuildingSpec tokyo = TestBuildings.withZone(berlin, ZoneId.of("Asia/Tokyo"));
    Instant start = TestBuildings.JANUARY;
    BuildingSimulation withSetback = TestBuildings.simulate(berlin, start);
    BuildingSimulation without = TestBuildings.simulate(noSetback, start);
    BuildingSimulation inTokyo = TestBuildings.simulate(tokyo, start);

    // 02:00 in Berlin (night), 10:00 in Tokyo (day)
    Instant berlinNight = Instant.parse("2026-01-13T01:00:00Z");
    withSetback.advanceTo(berlinNight);
    without.advanceTo(berlinNight);
    inTokyo.advanceTo(berlinNight);
    double plain = value(without, "vorlauf_temp_hk1");
    // the registry's 3 K room reduction lowers the flow by (1 + slope) · 3 K
    double flowDrop = (1 + c.slope()) * TestBuildings.SETBACK.roomReductionK();
    assertThat(value(withSetback, "vorlauf_temp_hk1")).isCloseTo(plain - flowDrop, within(0.05));
    assertThat(value(inTokyo, "vorlauf_temp_hk1")).isCloseTo(plain, within(0.05));

    // 13:00 in Berlin: the setback has long ended
    Instant berlinDay = Instant.parse("2026-01-13T12:00:00Z");
    withSetback.advanceTo(berlinDay);
    without.advanceTo(berlinDay);
    assertThat(value(withSetback, "vorlauf_temp_hk1"))
        .isCloseTo(value(without, "vorlauf_temp_hk1"), within(0.02));
    assertThat(withSetback.ledger().spaceHeatKWh()).isLessThan(without.ledger().spaceHeatKWh());
  }

  @Test
  void aNewConfigurationRunsFromItsTimeOn() {
    BuildingSpec spec = TestBuildings.house(HeatingType.GAS);
    BuildingSimulation sim = TestBuildings.simulate(spec, TestBuildings.JANUARY);
    Instant change = TestBuildings.JANUARY.plus(Duration.ofHours(10));
    BuildingConfig hotter = spec.config().withCurve(new HeatingCurve(45, 1.5, 25, 75));
    sim.reconfigure(hotter, change);

    sim.advanceTo(change.minusSeconds(60));
    assertThat(sim.control()).isEqualTo(spec.config());
    sim.advanceTo(change);
    assertThat(sim.control()).isEqualTo(hotter);
    double outdoor = TestBuildings.WEATHER.outdoorC(change.getEpochSecond());
    assertThat(sim.controllerTargetC())
        .isCloseTo(hotter.flowTemperatureC(change, outdoor), within(1e-9));
  }
}
