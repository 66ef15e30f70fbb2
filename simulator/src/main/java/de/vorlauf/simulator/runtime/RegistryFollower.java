package de.vorlauf.simulator.runtime;

import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.simulator.physics.BuildingSpec;
import de.vorlauf.simulator.provision.Provisioner;
import de.vorlauf.simulator.provision.RegisteredBuilding;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every simulated building's controller on what the registry holds: at the start the
 * simulation runs the registry's entry (provisioning returns it), and then this reads the registry
 * again every {@link #INTERVAL}. A building whose entry changed runs the new configuration from the
 * entry's {@code updatedAt} on — at once in live mode (so at most one interval late), and at that
 * simulated time during a backfill, so history is not rewritten with a later change. History before
 * the start is simulated with the entry as it was at the start: the registry keeps no versions.
 *
 * <p>The heating type and time zone of the simulated installation are physics (generator,
 * occupants' day): a registry entry naming another type is logged, and only its curve, setback and
 * setback time zone reach the controller. A registry that cannot be read is logged and asked again
 * next time; the buildings keep what they run.
 */
final class RegistryFollower implements AutoCloseable {

  static final Duration INTERVAL = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(RegistryFollower.class);

  private final Provisioner registry;
  private final Map<String, SimulatedBuilding> buildings = new HashMap<>();
  private final Map<String, BuildingConfig> known = new HashMap<>();
  private final Clock clock;
  private ScheduledExecutorService timer;

  RegistryFollower(Provisioner registry, List<SimulatedBuilding> buildings, Clock clock) {
    this.registry = registry;
    this.clock = clock;
    for (SimulatedBuilding b : buildings) {
      this.buildings.put(b.buildingId(), b);
      known.put(b.buildingId(), b.control());
    }
  }

  /**
   * The configuration a building starts with: the registry's entry, or the simulated one where the
   * registry has none (no provisioning).
   */
  static BuildingConfig initialControl(BuildingSpec spec, RegisteredBuilding registered) {
    if (registered == null) {
      return spec.config();
    }
    warnOnOtherType(spec, registered.config());
    return registered.config();
  }

  void start() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sim-registry");
              t.setDaemon(true);
              return t;
            });
    long ms = INTERVAL.toMillis();
    timer.scheduleWithFixedDelay(this::refreshQuietly, ms, ms, TimeUnit.MILLISECONDS);
  }

  private void refreshQuietly() {
    try {
      int changed = refreshOnce();
      if (changed > 0) {
        log.info("registry: {} buildings run a changed configuration", changed);
      }
    } catch (RuntimeException e) {
      log.warn("registry not read, buildings keep their configuration: {}", e.getMessage());
    }
  }

  /** Reads the registry once and hands changed entries to their buildings; returns how many. */
  synchronized int refreshOnce() {
    int changed = 0;
    for (RegisteredBuilding entry : registry.readBuildings(buildings.keySet())) {
      SimulatedBuilding building = buildings.get(entry.id());
      if (building == null || entry.config().equals(known.get(entry.id()))) {
        continue;
      }
      warnOnOtherType(building.spec(), entry.config());
      Instant from = entry.updatedAt() == null ? clock.instant() : entry.updatedAt();
      building.reconfigure(entry.config(), from);
      known.put(entry.id(), entry.config());
      changed++;
    }
    return changed;
  }

  private static void warnOnOtherType(BuildingSpec spec, BuildingConfig registered) {
    if (registered.heatingType() != spec.type()) {
      log.warn(
          "{}: the registry says {}, the simulated installation is {}; its physics stays {}",
          spec.buildingId(),
          registered.heatingType().code(),
          spec.type().code(),
          spec.type().code());
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
