package de.vorlauf.simulator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.domain.heating.NightSetback;
import de.vorlauf.simulator.physics.BuildingSpec;
import de.vorlauf.simulator.physics.FleetSpecs;
import de.vorlauf.simulator.physics.Weather;
import de.vorlauf.simulator.provision.BuildingDefinition;
import de.vorlauf.simulator.provision.Principal;
import de.vorlauf.simulator.provision.Provisioner;
import de.vorlauf.simulator.provision.RegisteredBuilding;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A simulated building runs exactly its registry entry: the same flow temperature for the same
 * outdoor temperature and hour, and a changed entry from its change on.
 */
class RegistryFollowerTest {

  private static final Instant START = Instant.parse("2026-01-12T00:00:00Z");
  private static final Weather WEATHER = new Weather(7);

  private final BuildingSpec spec = FleetSpecs.generate(3, 1, "rf").get(0);

  /** The registry: entries by id, as ops leave them. */
  private static final class Registry implements Provisioner {
    final Map<String, RegisteredBuilding> entries = new ConcurrentHashMap<>();

    @Override
    public RegisteredBuilding ensureBuilding(BuildingDefinition building) {
      return entries.computeIfAbsent(
          building.id(), id -> new RegisteredBuilding(building.config(), START));
    }

    @Override
    public List<RegisteredBuilding> readBuildings(Collection<String> ids) {
      return ids.stream().map(entries::get).filter(Objects::nonNull).toList();
    }

    @Override
    public void ensureGateway(String gatewayId, String description) {}

    @Override
    public void ensureDevice(String d, String b, String g, String description) {}

    @Override
    public boolean credentialValid(Principal principal, String token) {
      return true;
    }

    @Override
    public String issueCredential(Principal principal) {
      return "vlf_x";
    }
  }

  private SimulatedBuilding simulated(RegisteredBuilding entry) {
    return new SimulatedBuilding(
        spec,
        RegistryFollower.initialControl(spec, entry),
        spec.buildingId() + "-gb",
        null,
        null,
        WEATHER,
        START,
        Duration.ofHours(6));
  }

  /** Ops changed curve and setback before the simulator started. */
  private BuildingConfig changedByOps() {
    return spec.config()
        .withCurve(new HeatingCurve(38.0, 1.1, 25.0, 70.0))
        .withNightSetback(new NightSetback(true, 21, 5, 2.5));
  }

  @Test
  void theBuildingAndItsRegistryEntryGiveTheSameFlowTemperatureEveryHour() {
    RegisteredBuilding entry = new RegisteredBuilding(changedByOps(), START.minusSeconds(3600));
    SimulatedBuilding building = simulated(entry);
    int heating = 0;
    int night = 0;
    for (int h = 1; h <= 72; h++) {
      Instant t = START.plus(Duration.ofHours(h));
      building.step(t);
      double outdoorC = WEATHER.outdoorC(t.getEpochSecond());
      double target = building.controllerTargetC();
      if (Double.isNaN(target)) {
        continue; // circuit pump off: no flow temperature asked for
      }
      heating++;
      night += entry.config().nightSetback().activeAt(t, entry.config().timeZone()) ? 1 : 0;
      assertThat(target).as("hour %s", t).isEqualTo(entry.config().flowTemperatureC(t, outdoorC));
    }
    assertThat(heating).isGreaterThan(60);
    assertThat(night).isGreaterThan(20);
  }

  @Test
  void withoutARegistryTheBuildingRunsItsSimulatedConfiguration() {
    assertThat(simulated(null).control()).isEqualTo(spec.config());
  }

  @Test
  void aChangedEntryRunsFromItsChangeOn() {
    Registry registry = new Registry();
    registry.entries.put(spec.buildingId(), new RegisteredBuilding(spec.config(), START));
    SimulatedBuilding building = simulated(registry.entries.get(spec.buildingId()));
    Instant now = START.plus(Duration.ofHours(30));
    RegistryFollower follower =
        new RegistryFollower(registry, List.of(building), Clock.fixed(now, ZoneOffset.UTC));
    assertThat(follower.refreshOnce()).isZero();

    // a backfill is at START + 2 h when it learns of a change made at START + 10 h
    building.step(START.plus(Duration.ofHours(2)));
    Instant changedAt = START.plus(Duration.ofHours(10));
    registry.entries.put(spec.buildingId(), new RegisteredBuilding(changedByOps(), changedAt));
    assertThat(follower.refreshOnce()).isEqualTo(1);
    assertThat(follower.refreshOnce()).isZero();

    building.step(changedAt.minusSeconds(60));
    assertThat(building.control()).isEqualTo(spec.config());
    building.step(changedAt);
    assertThat(building.control()).isEqualTo(changedByOps());

    // live: a change already in the past is run from the next minute
    building.step(now);
    BuildingConfig again = spec.config().withNightSetback(NightSetback.disabled());
    registry.entries.put(
        spec.buildingId(), new RegisteredBuilding(again, now.minus(Duration.ofMinutes(5))));
    follower.refreshOnce();
    building.step(now.plusSeconds(60));
    assertThat(building.control()).isEqualTo(again);
    double outdoorC = WEATHER.outdoorC(now.plusSeconds(60).getEpochSecond());
    double target = building.controllerTargetC();
    if (!Double.isNaN(target)) {
      assertThat(target).isEqualTo(again.flowTemperatureC(now.plusSeconds(60), outdoorC));
    }
  }
}
