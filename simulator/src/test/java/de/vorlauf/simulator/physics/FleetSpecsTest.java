package de.vorlauf.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FleetSpecsTest {

  @Test
  void isReproducibleFromItsSeed() {
    assertThat(FleetSpecs.generate(42, 50, "sim")).isEqualTo(FleetSpecs.generate(42, 50, "sim"));
    assertThat(FleetSpecs.generate(42, 50, "sim")).isNotEqualTo(FleetSpecs.generate(43, 50, "sim"));
  }

  @Test
  void mixesKindsSizesZonesAndSensorsAsTheDemoNeeds() {
    List<BuildingSpec> fleet = FleetSpecs.generate(1, 1000, "sim");
    assertThat(fleet).hasSize(1000);
    assertThat(fleet.get(0).buildingId()).isEqualTo("sim-0001");
    assertThat(fleet.get(999).buildingId()).isEqualTo("sim-1000");
    assertThat(fleet.stream().map(BuildingSpec::buildingId).distinct()).hasSize(1000);

    Map<HeatingKind, Long> kinds =
        fleet.stream().collect(Collectors.groupingBy(BuildingSpec::kind, Collectors.counting()));
    assertThat(kinds)
        .containsEntry(HeatingKind.GAS_CONDENSING, 450L)
        .containsEntry(HeatingKind.HEAT_PUMP, 250L)
        .containsEntry(HeatingKind.DISTRICT, 200L)
        .containsEntry(HeatingKind.HYBRID, 100L);

    Map<ZoneId, Long> zones =
        fleet.stream().collect(Collectors.groupingBy(BuildingSpec::zone, Collectors.counting()));
    assertThat(zones.get(ZoneId.of("Europe/Berlin"))).isGreaterThan(800);
    assertThat(zones).containsKeys(ZoneId.of("Europe/Vienna"), ZoneId.of("Europe/Zurich"));

    long withIndoor = fleet.stream().filter(BuildingSpec::hasIndoorSensor).count();
    assertThat(withIndoor).isBetween(340L, 460L);

    assertThat(fleet.stream().mapToDouble(BuildingSpec::uaWPerK).min().orElseThrow())
        .isLessThan(150);
    assertThat(fleet.stream().mapToDouble(BuildingSpec::uaWPerK).max().orElseThrow())
        .isGreaterThan(4000);
    for (BuildingSpec spec : fleet) {
      HeatingCurve curve = spec.curve();
      assertThat(curve.maxFlowC()).isLessThanOrEqualTo(spec.kind().maxFlowC());
      assertThat(curve.flowFor(-12, false)).isBetween(25.0, spec.kind().maxFlowC());
      assertThat(spec.kind().registryCode()).isIn("gas", "waermepumpe", "fernwaerme", "hybrid");
    }
  }

  @Test
  void smallFleetsStillGetEveryKind() {
    Map<HeatingKind, Long> kinds =
        FleetSpecs.generate(9, 10, "s").stream()
            .collect(Collectors.groupingBy(BuildingSpec::kind, Collectors.counting()));
    assertThat(kinds.keySet()).containsExactlyInAnyOrder(HeatingKind.values());
    assertThat(FleetSpecs.generate(9, 0, "s")).isEmpty();
    assertThat(
            FleetSpecs.generate(9, 50, "s").stream()
                .collect(Collectors.toMap(BuildingSpec::buildingId, Function.identity()))
                .size())
        .isEqualTo(50);
  }
}
