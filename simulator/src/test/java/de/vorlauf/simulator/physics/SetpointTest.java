package de.vorlauf.simulator.physics;

import static de.vorlauf.simulator.physics.TestBuildings.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.vorlauf.domain.heating.HeatingType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SetpointTest {

  private static final Instant MORNING = Instant.parse("2026-01-13T06:00:00Z");

  @Test
  void anAppliedSetpointRaisesFlowAndRoomUntilItExpires() {
    BuildingSpec spec = TestBuildings.house(HeatingType.GAS);
    BuildingSimulation steered = TestBuildings.simulate(spec, TestBuildings.JANUARY);
    BuildingSimulation twin = TestBuildings.simulate(spec, TestBuildings.JANUARY);
    steered.advanceTo(MORNING);
    twin.advanceTo(MORNING);
    Instant until = MORNING.plus(Duration.ofHours(6));

    SetpointResult result = steered.applySetpoint(command(1, 70, null, until));

    assertThat(result.applied()).isTrue();
    assertThat(result.reason()).isNull();
    assertThat(result.appliedValue()).isEqualTo(70);
    assertThat(result.appliedAt()).isEqualTo(MORNING);
    advanceBoth(steered, twin, MORNING.plus(Duration.ofHours(1)));
    assertThat(value(steered, "vorlauf_temp_hk1")).isCloseTo(70, within(0.1));
    assertThat(value(twin, "vorlauf_temp_hk1")).isLessThan(60);
    advanceBoth(steered, twin, until);
    assertThat(steered.indoorC()).isGreaterThan(twin.indoorC() + 0.5);
    assertThat(steered.ledger().gasKWh()).isGreaterThan(twin.ledger().gasKWh());

    advanceBoth(steered, twin, until.plus(Duration.ofHours(2)));
    assertThat(value(steered, "vorlauf_temp_hk1"))
        .isCloseTo(value(twin, "vorlauf_temp_hk1"), within(0.05));
  }

  @Test
  void aRoomSetpointAddsRoomInfluence() {
    BuildingSpec spec = TestBuildings.house(HeatingType.GAS);
    BuildingSimulation withRoom = TestBuildings.simulate(spec, MORNING);
    BuildingSimulation flowOnly = TestBuildings.simulate(spec, MORNING);
    Instant until = MORNING.plus(Duration.ofHours(3));
    assertThat(withRoom.applySetpoint(command(1, 45, 24.0, until)).applied()).isTrue();
    assertThat(flowOnly.applySetpoint(command(1, 45, null, until)).applied()).isTrue();
    advanceBoth(withRoom, flowOnly, MORNING.plus(Duration.ofHours(1)));
    assertThat(value(withRoom, "vorlauf_temp_hk1"))
        .isGreaterThan(value(flowOnly, "vorlauf_temp_hk1") + 3);
  }

  @Test
  void setpointsOutsideTheEquipmentOrExpiredOrForAnotherCircuitAreRejected() {
    BuildingSimulation heatPump =
        TestBuildings.simulate(TestBuildings.house(HeatingType.WAERMEPUMPE), MORNING);
    BuildingSimulation twin =
        TestBuildings.simulate(TestBuildings.house(HeatingType.WAERMEPUMPE), MORNING);
    Instant later = MORNING.plus(Duration.ofHours(2));

    SetpointResult tooHot = heatPump.applySetpoint(command(1, 60, null, later));
    assertThat(tooHot.applied()).isFalse();
    assertThat(tooHot.reason()).contains("heat pump", "55.0", "60.0");
    assertThat(tooHot.appliedValue()).isCloseTo(value(heatPump, "vorlauf_temp_hk1"), within(0.01));
    assertThat(heatPump.applySetpoint(command(1, 15, null, later)).reason()).contains("below");
    assertThat(heatPump.applySetpoint(command(1, 40, null, MORNING)).reason()).contains("expired");
    assertThat(heatPump.applySetpoint(command(1, 40, null, MORNING.minusSeconds(60))).applied())
        .isFalse();
    assertThat(heatPump.applySetpoint(command(2, 40, null, later)).reason())
        .contains("unknown circuit 2");
    assertThat(heatPump.applySetpoint(command(1, 40, 35.0, later)).reason()).contains("room");
    assertThat(heatPump.applySetpoint(command(1, Double.NaN, null, later)).applied()).isFalse();

    advanceBoth(heatPump, twin, later);
    assertThat(heatPump.sample()).isEqualTo(twin.sample());
  }

  @Test
  void theGasBoilerAcceptsWhatTheHeatPumpRefuses() {
    BuildingSimulation gas = TestBuildings.simulate(TestBuildings.house(HeatingType.GAS), MORNING);
    assertThat(gas.applySetpoint(command(1, 60, null, MORNING.plusSeconds(60))).applied()).isTrue();
    assertThat(gas.applySetpoint(command(1, 81, null, MORNING.plusSeconds(60))).reason())
        .contains("80.0");
  }

  private static void advanceBoth(BuildingSimulation a, BuildingSimulation b, Instant t) {
    a.advanceTo(t);
    b.advanceTo(t);
  }

  private static SetpointCommand command(int circuit, double flow, Double room, Instant until) {
    return new SetpointCommand("cmd-1", circuit, flow, room, until, MORNING);
  }
}
