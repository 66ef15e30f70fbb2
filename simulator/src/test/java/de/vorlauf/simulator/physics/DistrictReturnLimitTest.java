package de.vorlauf.simulator.physics;

import static de.vorlauf.simulator.physics.TestBuildings.value;
import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.heating.NightSetback;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DistrictReturnLimitTest {

  /** A curve far too hot for the radiators: unthrottled, the return would pass the limit. */
  private static BuildingSpec overheated(HeatingType type) {
    BuildingSpec spec = TestBuildings.house(HeatingType.FERNWAERME);
    return TestBuildings.withType(
        TestBuildings.withSetback(
            TestBuildings.withCurve(spec, new HeatingCurve(70, 1.0, 20, 80)),
            NightSetback.disabled()),
        type);
  }

  @Test
  void theControllerThrottlesFlowToKeepTheReturnBelowTheLimit() {
    BuildingSimulation district =
        TestBuildings.simulate(overheated(HeatingType.FERNWAERME), TestBuildings.JANUARY);
    BuildingSimulation boiler =
        TestBuildings.simulate(overheated(HeatingType.GAS), TestBuildings.JANUARY);
    double limit = HeatingType.FERNWAERME.limits().maxReturnC();
    double designFlowLPerMin =
        Design.massFlowKgS(district.spec().uaWPerK(), HeatingType.FERNWAERME) * 60;
    int throttled = 0;
    double boilerMaxReturn = 0;
    Instant end = TestBuildings.JANUARY.plus(Duration.ofDays(7));
    for (Instant t = TestBuildings.JANUARY; t.isBefore(end); t = t.plusSeconds(600)) {
      district.advanceTo(t);
      boiler.advanceTo(t);
      double districtReturn = value(district, "ruecklauf_temp_hk1");
      assertThat(districtReturn).isLessThanOrEqualTo(limit + 0.005);
      if (value(district, "flow_rate_hk1") < designFlowLPerMin - 0.01) {
        // throttled: exactly at the limit, still heating
        throttled++;
        assertThat(districtReturn).isGreaterThan(limit - 0.01);
        assertThat(value(district, "heat_power")).isPositive();
      }
      boilerMaxReturn = Math.max(boilerMaxReturn, value(boiler, "ruecklauf_temp_hk1"));
    }
    assertThat(boilerMaxReturn).isGreaterThan(limit + 5);
    assertThat(throttled).isGreaterThan(50);
  }
}
