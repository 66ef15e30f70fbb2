package de.vorlauf.simulator.physics;

import static de.vorlauf.simulator.physics.TestBuildings.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class HeatingCurveTest {

  private final HeatingCurve curve = new HeatingCurve(25, 1.2, 20, 75, 22, 6, 6);

  @Test
  void colderOutdoorAsksForHotterFlowWithinTheClip() {
    assertThat(curve.flowFor(0, false)).isCloseTo(49.0, within(1e-9));
    assertThat(curve.flowFor(-10, false)).isGreaterThan(curve.flowFor(0, false));
    assertThat(curve.flowFor(-40, false)).isEqualTo(75);
    assertThat(curve.flowFor(25, false)).isEqualTo(20);
    assertThat(curve.flowFor(0, true)).isCloseTo(43.0, within(1e-9));
  }

  @Test
  void nightWindowWrapsAroundMidnight() {
    assertThat(curve.isNight(23.5)).isTrue();
    assertThat(curve.isNight(2)).isTrue();
    assertThat(curve.isNight(6)).isFalse();
    assertThat(curve.isNight(12)).isFalse();
    assertThat(new HeatingCurve(25, 1.2, 20, 75, 1, 5, 6).isNight(0.5)).isFalse();
    assertThat(new HeatingCurve(25, 1.2, 20, 75, 22, 22, 6).isNight(23)).isFalse();
  }

  @Test
  void theSimulatedFlowFollowsTheOutdoorTemperature() {
    BuildingSpec spec = TestBuildings.house(HeatingKind.GAS_CONDENSING);
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
    BuildingSpec berlin = TestBuildings.house(HeatingKind.GAS_CONDENSING);
    HeatingCurve c = berlin.curve();
    BuildingSpec noSetback =
        TestBuildings.withCurve(
            berlin, new HeatingCurve(c.baseC(), c.slope(), c.minFlowC(), c.maxFlowC(), 22, 6, 0.0));
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
    assertThat(value(withSetback, "vorlauf_temp_hk1")).isCloseTo(plain - 6.0, within(0.05));
    assertThat(value(inTokyo, "vorlauf_temp_hk1")).isCloseTo(plain, within(0.05));

    // 13:00 in Berlin: the setback has long ended
    Instant berlinDay = Instant.parse("2026-01-13T12:00:00Z");
    withSetback.advanceTo(berlinDay);
    without.advanceTo(berlinDay);
    assertThat(value(withSetback, "vorlauf_temp_hk1"))
        .isCloseTo(value(without, "vorlauf_temp_hk1"), within(0.02));
    assertThat(withSetback.ledger().spaceHeatKWh()).isLessThan(without.ledger().spaceHeatKWh());
  }
}
