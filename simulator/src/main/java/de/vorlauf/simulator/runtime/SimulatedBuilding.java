package de.vorlauf.simulator.runtime;

import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.simulator.physics.BuildingSimulation;
import de.vorlauf.simulator.physics.BuildingSpec;
import de.vorlauf.simulator.physics.EnergyLedger;
import de.vorlauf.simulator.physics.SensorSample;
import de.vorlauf.simulator.physics.SetpointCommand;
import de.vorlauf.simulator.physics.SetpointResult;
import de.vorlauf.simulator.physics.Weather;
import java.time.Instant;
import java.util.List;

/**
 * One building's simulation with what the runtime needs around it: the device that publishes for
 * it, how far it has been published, and the energy snapshot the report period starts at. The
 * stepping thread and the setpoint dispatcher both reach the simulation, so every access to it
 * holds this object's lock.
 *
 * @see FleetLayout
 */
public final class SimulatedBuilding {

  private final BuildingSpec spec;
  private final String deviceId;
  private final String gatewayId;
  private final String installationId;
  private final BuildingSimulation simulation;
  private volatile Instant published;
  private EnergyLedger periodStart;

  /**
   * @param control what the building's controller runs (the registry's entry for it)
   * @param start the simulation runs silently from {@code start − warmUp} to {@code start}, so the
   *     first published minute shows a building in its steady state, not its initial condition
   */
  SimulatedBuilding(
      BuildingSpec spec,
      BuildingConfig control,
      String deviceId,
      String gatewayId,
      String installationId,
      Weather weather,
      Instant start,
      java.time.Duration warmUp) {
    this.spec = spec;
    this.deviceId = deviceId;
    this.gatewayId = gatewayId;
    this.installationId = installationId;
    this.simulation = new BuildingSimulation(spec, control, weather, start.minus(warmUp));
    simulation.advanceTo(start);
    this.published = start;
    this.periodStart = simulation.ledger();
  }

  public BuildingSpec spec() {
    return spec;
  }

  public String buildingId() {
    return spec.buildingId();
  }

  public String deviceId() {
    return deviceId;
  }

  /** Null unless it publishes through a gateway. */
  public String gatewayId() {
    return gatewayId;
  }

  /** Null unless the vendor cloud serves it. */
  public String installationId() {
    return installationId;
  }

  /** The last minute stepped (and published or recorded). */
  public Instant published() {
    return published;
  }

  /** Advances to {@code minute} and samples it. */
  synchronized List<SensorSample> step(Instant minute) {
    simulation.advanceTo(minute);
    published = minute;
    return simulation.sample();
  }

  /** Advances to {@code t} without sampling: a twin that publishes nothing. */
  synchronized void advanceSilently(Instant t) {
    simulation.advanceTo(t);
    published = t;
  }

  /** The same building from the same start, running {@code control}: a twin stepped apart. */
  SimulatedBuilding twin(BuildingConfig control, Weather weather, Instant start) {
    return new SimulatedBuilding(
        spec, control, deviceId, gatewayId, installationId, weather, start, Simulator.WARM_UP);
  }

  /** The configuration the controller runs now. */
  public synchronized BuildingConfig control() {
    return simulation.control();
  }

  /** The flow temperature the controller asks for now (NaN: circuit pump off). */
  public synchronized double controllerTargetC() {
    return simulation.controllerTargetC();
  }

  /** Has the controller run {@code next} from {@code from} on (see {@link RegistryFollower}). */
  synchronized void reconfigure(BuildingConfig next, Instant from) {
    simulation.reconfigure(next, from);
  }

  public synchronized SetpointResult apply(SetpointCommand command) {
    return simulation.applySetpoint(command);
  }

  /** Energy and comfort since the report period began. */
  public synchronized EnergyLedger period() {
    return simulation.ledger().minus(periodStart);
  }

  public synchronized Instant periodStart() {
    return periodStart.at();
  }

  /** Starts a new report period now. */
  public synchronized void resetPeriod() {
    periodStart = simulation.ledger();
  }
}
