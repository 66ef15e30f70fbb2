package de.vorlauf.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.sensor.SensorCatalogue;
import de.vorlauf.domain.sensor.SensorDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SensorRangeTest {

  private static final List<BuildingSpec> FLEET = FleetSpecs.generate(77, 200, "range");

  /** The first building of each heating type, and the largest block. */
  static Stream<BuildingSpec> buildings() {
    Stream<BuildingSpec> firstOfEach =
        Stream.of(HeatingType.values())
            .map(type -> FLEET.stream().filter(s -> s.type() == type).findFirst().orElseThrow());
    BuildingSpec largest =
        FLEET.stream().max(Comparator.comparingDouble(BuildingSpec::uaWPerK)).orElseThrow();
    return Stream.concat(firstOfEach, Stream.of(largest));
  }

  @ParameterizedTest
  @MethodSource("buildings")
  void aYearOfSamplesStaysInsideTheCatalogue(BuildingSpec spec) {
    SensorCatalogue catalogue = SensorCatalogue.standard();
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    BuildingSimulation sim = new BuildingSimulation(spec, new Weather(spec.seed()), start);
    Map<String, Double> min = new HashMap<>();
    Map<String, Double> max = new HashMap<>();
    double lastEnergy = 0;
    Instant end = start.plus(Duration.ofDays(365));
    for (Instant t = start; t.isBefore(end); t = t.plusSeconds(60)) {
      sim.advanceTo(t);
      if (t.getEpochSecond() % 900 != 0) {
        continue;
      }
      List<SensorSample> samples = sim.sample();
      assertThat(samples).hasSize(spec.hasIndoorSensor() ? 7 : 6);
      Map<String, Double> byId = new HashMap<>();
      for (SensorSample sample : samples) {
        SensorDefinition def = catalogue.find(sample.sensorId()).orElseThrow();
        assertThat(def.inRange(sample.value())).as("%s at %s", sample, t).isTrue();
        assertThat(sample.unit()).isEqualTo(def.canonicalUnit());
        assertThat(sample.quality()).isEqualTo("good");
        assertThat(sample.time()).isEqualTo(t);
        byId.put(sample.sensorId(), sample.value());
        min.merge(sample.sensorId(), sample.value(), Math::min);
        max.merge(sample.sensorId(), sample.value(), Math::max);
      }
      assertThat(byId.get("heat_energy")).isGreaterThanOrEqualTo(lastEnergy);
      lastEnergy = byId.get("heat_energy");
      double fromFlow =
          byId.get("flow_rate_hk1")
              / 60
              * 4.186
              * (byId.get("vorlauf_temp_hk1") - byId.get("ruecklauf_temp_hk1"));
      assertThat(Math.abs(byId.get("heat_power") - fromFlow))
          .isLessThan(
              0.01 + 0.01 * byId.get("heat_power") + 0.00007 * byId.get("flow_rate_hk1") * 60);
      assertThat(byId.get("vorlauf_temp_hk1")).isLessThanOrEqualTo(spec.type().limits().maxFlowC());
    }
    // the year has a heating season and a summer
    assertThat(max.get("heat_power")).isGreaterThan(0.3 * spec.uaWPerK() * 33 / 1000);
    assertThat(min.get("flow_rate_hk1")).isZero();
    if (spec.hasIndoorSensor()) {
      assertThat(min.get("indoor_temp")).isGreaterThan(15);
      assertThat(max.get("indoor_temp")).isLessThan(30);
    }
  }
}
