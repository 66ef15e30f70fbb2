package de.vorlauf.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.heating.NightSetback;
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
  void mixesTypesSizesZonesAndSensorsAsTheDemoNeeds() {
    List<BuildingSpec> fleet = FleetSpecs.generate(1, 1000, "sim");
    assertThat(fleet).hasSize(1000);
    assertThat(fleet.get(0).buildingId()).isEqualTo("sim-0001");
    assertThat(fleet.get(999).buildingId()).isEqualTo("sim-1000");
    assertThat(fleet.stream().map(BuildingSpec::buildingId).distinct()).hasSize(1000);

    Map<HeatingType, Long> types =
        fleet.stream().collect(Collectors.groupingBy(BuildingSpec::type, Collectors.counting()));
    assertThat(types)
        .containsEntry(HeatingType.GAS, 450L)
        .containsEntry(HeatingType.WAERMEPUMPE, 250L)
        .containsEntry(HeatingType.FERNWAERME, 200L)
        .containsEntry(HeatingType.HYBRID, 100L);

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
      assertThat(curve.maxFlowC()).isLessThanOrEqualTo(spec.type().limits().maxFlowC());
      assertThat(curve.flowC(-12)).isBetween(25.0, spec.type().limits().maxFlowC());
      // provisioned as it is: the registry must take every simulated building
      assertThat(
              HeatingCurve.problems(
                  curve.baseC(), curve.slope(), curve.minFlowC(), curve.maxFlowC(), spec.type()))
          .as(spec.buildingId())
          .isEmpty();
      NightSetback setback = spec.setback();
      assertThat(setback.roomReductionK()).isBetween(0.0, 15.0);
      if (setback.enabled()) {
        // drawn as 4-8 K of flow at night, kept as the room reduction that gives it
        assertThat(curve.flowShiftK(setback.roomReductionK())).isBetween(3.9, 8.1);
      }
      assertThat(spec.config().areaM2()).isPositive();
    }
  }

  @Test
  void smallFleetsStillGetEveryType() {
    Map<HeatingType, Long> types =
        FleetSpecs.generate(9, 10, "s").stream()
            .collect(Collectors.groupingBy(BuildingSpec::type, Collectors.counting()));
    // a new heating type needs its share of the fleet (FleetSpecs) and its physics
    assertThat(types.keySet()).containsExactlyInAnyOrder(HeatingType.values());
    assertThat(FleetSpecs.generate(9, 0, "s")).isEmpty();
    assertThat(
            FleetSpecs.generate(9, 50, "s").stream()
                .collect(Collectors.toMap(BuildingSpec::buildingId, Function.identity()))
                .size())
        .isEqualTo(50);
  }
}
