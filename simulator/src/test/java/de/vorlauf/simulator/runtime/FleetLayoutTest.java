package de.vorlauf.simulator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FleetLayoutTest {

  private final SimulatorSettings base =
      SimulatorSettings.defaults(Path.of("state"), "tcp://127.0.0.1:1").withoutCloud();

  @Test
  void smallFleetsConnectPerDeviceAndLargeOnesThroughGatewaysOfTheConfiguredSize() {
    FleetLayout small = FleetLayout.plan(base.withBuildings(50));
    assertThat(small.viaGateways()).isFalse();
    assertThat(small.members()).allSatisfy(m -> assertThat(m.gatewayId()).isNull());

    FleetLayout large = FleetLayout.plan(base.withBuildings(250));
    assertThat(large.gateways()).hasSize(3);
    assertThat(large.gateways().get("sim-gw001")).hasSize(100);
    assertThat(large.gateways().get("sim-gw003")).hasSize(50);
    assertThat(large.members().get(100).gatewayId()).isEqualTo("sim-gw002");
  }

  @Test
  void idsAreStableAndDevicesNeverShareAnIdWithAGateway() {
    SimulatorSettings settings =
        base.withBuildings(300).withCloud(0, 3, null).withGateways(GatewayMode.ON, 100);
    FleetLayout first = FleetLayout.plan(settings);
    FleetLayout again = FleetLayout.plan(settings);
    assertThat(again.members().get(7).deviceId()).isEqualTo(first.members().get(7).deviceId());
    assertThat(first.members().get(0).deviceId()).isEqualTo("sim-0001-gb");
    assertThat(first.cloud())
        .extracting(FleetLayout.CloudMember::deviceId)
        .containsExactly("vc-470001", "vc-470002", "vc-470003");
    Set<String> names = new HashSet<>(first.gateways().keySet());
    first.members().forEach(m -> assertThat(names.add(m.deviceId())).isTrue());
    first.cloud().forEach(c -> assertThat(names.add(c.deviceId())).isTrue());
  }
}
