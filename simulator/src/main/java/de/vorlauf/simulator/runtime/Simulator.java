package de.vorlauf.simulator.runtime;

import de.vorlauf.simulator.cloud.CloudClient;
import de.vorlauf.simulator.cloud.CloudFaults;
import de.vorlauf.simulator.cloud.CloudFeature;
import de.vorlauf.simulator.cloud.CloudInstallation;
import de.vorlauf.simulator.cloud.RecordedCloudData;
import de.vorlauf.simulator.cloud.VendorCloudServer;
import de.vorlauf.simulator.faults.FaultInjector;
import de.vorlauf.simulator.faults.FaultRates;
import de.vorlauf.simulator.mqtt.ConnectionPlan;
import de.vorlauf.simulator.mqtt.FleetConnections;
import de.vorlauf.simulator.mqtt.MqttLogin;
import de.vorlauf.simulator.mqtt.MqttSettings;
import de.vorlauf.simulator.physics.Weather;
import de.vorlauf.simulator.provision.CredentialStore;
import de.vorlauf.simulator.provision.FleetProvisioning;
import de.vorlauf.simulator.provision.Provisioner;
import de.vorlauf.simulator.provision.RegisteredBuilding;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running simulator: provisioned fleet, MQTT connections, the stepping runtime on its own
 * thread, the vendor cloud, the progress reporter, and (when provisioned) the {@link
 * RegistryFollower} that keeps each building's controller on its registry entry. {@link #close} is
 * the clean shutdown the SIGTERM hook runs: stop stepping after the current minute, wait for the
 * broker's PUBACKs, disconnect, stop the cloud, and return the energy report.
 */
public final class Simulator implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Simulator.class);
  static final Duration WARM_UP = Duration.ofHours(6);

  private final SimulatorSettings settings;
  private final FleetLayout layout;
  private final List<SimulatedBuilding> buildings;
  private final List<SimulatedBuilding> cloudBuildings;
  private final GroundTruthLedger ledger = new GroundTruthLedger();
  private final FleetConnections connections;
  private final SetpointResponder setpoints;
  private final RecordedCloudData cloudData;
  private final VendorCloudServer cloudServer;
  private final FleetRuntime runtime;
  private final ProgressReporter progress;
  private final RegistryFollower registry;
  private final Thread runner;
  private final Weather weather;
  private final Instant start;
  private final Map<String, de.vorlauf.domain.heating.BuildingConfig> initialControl =
      new HashMap<>();
  private volatile Throwable failure;
  private boolean closed;

  private Simulator(SimulatorSettings settings, Provisioner provisioner, Clock clock) {
    this.settings = settings;
    this.layout = FleetLayout.plan(settings);
    FleetProvisioning.Result provisioned =
        provisioner == null
            ? new FleetProvisioning.Result(Map.of(), Map.of())
            : FleetProvisioningPlan.provision(
                layout, provisioner, CredentialStore.open(settings.stateDir()));
    Map<String, String> tokens = provisioned.tokens();
    Map<String, RegisteredBuilding> registered = provisioned.buildings();
    BackfillMarker marker = new BackfillMarker(settings.stateDir());
    Instant now = Minutes.floor(clock.instant());
    Instant mqttStart = marker.exists() ? now : now.minus(settings.backfill());
    Instant cloudStart =
        now.minus(
            settings.backfill().compareTo(Duration.ofHours(1)) < 0
                ? Duration.ofHours(1)
                : settings.backfill());
    if (marker.exists()) {
      log.info("{} exists: no backfill, live from {}", BackfillMarker.FILE, now);
    }
    weather = settings.weather();
    start = Minutes.floor(mqttStart);
    buildings = new ArrayList<>();
    for (FleetLayout.Member m : layout.members()) {
      var control =
          RegistryFollower.initialControl(m.spec(), registered.get(m.spec().buildingId()));
      initialControl.put(m.spec().buildingId(), control);
      buildings.add(
          new SimulatedBuilding(
              m.spec(),
              control,
              m.deviceId(),
              m.gatewayId(),
              null,
              weather,
              Minutes.floor(mqttStart),
              WARM_UP));
    }
    cloudBuildings = new ArrayList<>();
    for (FleetLayout.CloudMember c : layout.cloud()) {
      cloudBuildings.add(
          new SimulatedBuilding(
              c.spec(),
              RegistryFollower.initialControl(c.spec(), registered.get(c.spec().buildingId())),
              c.deviceId(),
              null,
              c.installationId(),
              weather,
              Minutes.floor(cloudStart),
              WARM_UP));
    }
    Map<String, SimulatedBuilding> byDevice = new HashMap<>();
    buildings.forEach(b -> byDevice.put(b.deviceId(), b));
    setpoints = new SetpointResponder(byDevice, clock);
    connections =
        FleetConnections.open(
            MqttSettings.of(settings.mqttUrl())
                .withMaxInflight(settings.maxInflight())
                .withBacklog(settings.backlogWindow(), Duration.ofSeconds(30)),
            connectionPlans(layout, tokens),
            setpoints,
            (topic, payload, code) -> ledger.refused(topic));
    cloudData = cloudBuildings.isEmpty() ? null : cloudData(layout);
    cloudServer =
        cloudData == null || settings.cloudPort() < 0 ? null : startCloud(settings, cloudData);
    FaultRates rates = settings.faults().equals("demo") ? FaultRates.demo() : FaultRates.NONE;
    runtime =
        new FleetRuntime(
            buildings,
            cloudBuildings,
            connections,
            new FaultInjector(settings.seed(), rates),
            ledger,
            cloudData,
            clock,
            marker,
            settings.stepThreads());
    progress =
        new ProgressReporter(runtime, ledger, connections, setpoints, settings.progressInterval());
    if (provisioner == null) {
      registry = null;
    } else {
      List<SimulatedBuilding> all = new ArrayList<>(buildings);
      all.addAll(cloudBuildings);
      registry = new RegistryFollower(provisioner, all, clock);
    }
    runner = new Thread(this::run, "sim-runtime");
  }

  /**
   * Provisions (when {@code provisioner} is not null; otherwise every connection is anonymous and
   * every building runs its simulated configuration), connects and starts stepping in the
   * background. The provisioner stays in use to follow the registry until {@link #close}; the
   * caller closes it after that.
   */
  public static Simulator start(SimulatorSettings settings, Provisioner provisioner, Clock clock) {
    Simulator simulator = new Simulator(settings, provisioner, clock);
    simulator.runner.start();
    if (simulator.registry != null) {
      simulator.registry.start();
    }
    return simulator;
  }

  /**
   * Provisions and connects like {@link #start}, but steps only when {@link #advanceTo} is called:
   * the closed-loop harness runs the fleet faster than real time, one simulated hour at a time, on
   * a clock of its own that it moves to each target before advancing. No backfill: every minute is
   * published on the live topic with its simulated time.
   */
  public static Simulator startDriven(
      SimulatorSettings settings, Provisioner provisioner, Clock clock) {
    if (!settings.backfill().isZero()) {
      throw new IllegalArgumentException("a driven simulator has no backfill");
    }
    Simulator simulator = new Simulator(settings, provisioner, clock);
    simulator.runtime.drive();
    return simulator;
  }

  /**
   * Steps every building to {@code target} (a whole minute, not after the clock's now) and
   * publishes each minute; returns once everything is handed to the connections. Only for a driven
   * simulator.
   */
  public void advanceTo(Instant target) throws InterruptedException {
    if (runner.isAlive()) {
      throw new IllegalStateException("this simulator steps on its own clock");
    }
    runtime.advanceTo(target);
  }

  /**
   * The MQTT buildings as they started (same specs, controller configuration, weather and start),
   * stepped in-process without publishing and without setpoints: their own curves only. The physics
   * is deterministic, so this is the baseline a driven run is judged against.
   */
  public OfflineFleet baselineTwin() {
    return new OfflineFleet(
        buildings.stream()
            .map(b -> b.twin(initialControl.get(b.buildingId()), weather, start))
            .toList());
  }

  private void run() {
    try {
      runtime.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      failure = e;
      log.error("the simulation stopped", e);
    }
  }

  private static List<ConnectionPlan> connectionPlans(
      FleetLayout layout, Map<String, String> tokens) {
    List<ConnectionPlan> plans = new ArrayList<>();
    if (layout.viaGateways()) {
      layout
          .gateways()
          .forEach(
              (gateway, devices) -> plans.add(new ConnectionPlan(login(gateway, tokens), devices)));
    } else {
      layout
          .members()
          .forEach(
              m ->
                  plans.add(
                      new ConnectionPlan(login(m.deviceId(), tokens), List.of(m.deviceId()))));
    }
    return plans;
  }

  private static MqttLogin login(String user, Map<String, String> tokens) {
    String token = tokens.get(user);
    return token == null ? MqttLogin.anonymous(user) : new MqttLogin(user, token);
  }

  private static RecordedCloudData cloudData(FleetLayout layout) {
    RecordedCloudData data = new RecordedCloudData();
    for (FleetLayout.CloudMember c : layout.cloud()) {
      List<String> sensors =
          new ArrayList<>(
              List.of(
                  "outdoor_temp",
                  "vorlauf_temp_hk1",
                  "ruecklauf_temp_hk1",
                  "flow_rate_hk1",
                  "heat_power",
                  "heat_energy"));
      if (c.spec().hasIndoorSensor()) {
        sensors.add("indoor_temp");
      }
      data.addInstallation(
          new CloudInstallation(
              c.installationId(),
              "7571" + String.format("%012d", Long.parseLong(c.installationId())),
              "0",
              "Simulated " + c.spec().type().label() + " installation " + c.installationId(),
              c.spec().zone(),
              CloudFeature.namesForSensors(sensors)));
    }
    return data;
  }

  private static VendorCloudServer startCloud(SimulatorSettings settings, RecordedCloudData data) {
    String secret = CloudSecret.readOrCreate(settings.cloudSecretFile(), settings.stateDir());
    VendorCloudServer server =
        VendorCloudServer.start(
            new InetSocketAddress("127.0.0.1", settings.cloudPort()),
            data,
            List.of(new CloudClient(settings.cloudClientId(), secret)),
            settings.faults().equals("demo") ? CloudFaults.demo() : CloudFaults.none(),
            Clock.systemUTC());
    log.info(
        "vendor cloud at {} with {} installations", server.baseUri(), data.installations().size());
    return server;
  }

  public FleetLayout layout() {
    return layout;
  }

  public GroundTruthLedger ledger() {
    return ledger;
  }

  public FleetConnections connections() {
    return connections;
  }

  public FleetRuntime runtime() {
    return runtime;
  }

  public List<SimulatedBuilding> buildings() {
    return List.copyOf(buildings);
  }

  public Optional<RecordedCloudData> cloud() {
    return Optional.ofNullable(cloudData);
  }

  public Optional<VendorCloudServer> cloudServer() {
    return Optional.ofNullable(cloudServer);
  }

  /** Setpoint commands answered so far: applied, rejected. */
  public long[] setpointCounts() {
    return new long[] {setpoints.applied(), setpoints.rejected()};
  }

  /** The exception that stopped the simulation, if one did. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** Energy and comfort per building since the start (or the last {@link #resetReport}). */
  public EnergyReport report() {
    List<SimulatedBuilding> all = new ArrayList<>(buildings);
    all.addAll(cloudBuildings);
    return EnergyReport.of(all);
  }

  public void resetReport() {
    buildings.forEach(SimulatedBuilding::resetPeriod);
    cloudBuildings.forEach(SimulatedBuilding::resetPeriod);
  }

  /**
   * Blocks until the backfill is over and every MQTT connection is up with its command
   * subscriptions acknowledged (true), or the timeout passed (false).
   */
  public boolean awaitLive(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (runtime.backfilling()) {
      if (System.nanoTime() > deadline || failure != null) {
        return false;
      }
      Thread.sleep(50);
    }
    return connections.awaitSubscribed(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
  }

  /** Stops after the current minute, drains, disconnects; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (registry != null) {
      registry.close();
    }
    runtime.stop();
    try {
      if (runner.isAlive()) {
        runner.join(30_000);
      }
      if (!connections.drain(Duration.ofSeconds(20))) {
        log.warn("{} messages not acknowledged at shutdown", connections.pendingCount());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    progress.close();
    runtime.close();
    connections.close();
    if (cloudServer != null) {
      cloudServer.close();
    }
    log.info(
        "stopped: {} messages with {} readings published, {} malformed, {} refused by the broker",
        ledger.messagesPublished(),
        ledger.readingsPublished(),
        ledger.snapshot().values().stream()
            .mapToLong(GroundTruthLedger.DeviceCount::malformedMessages)
            .sum(),
        ledger.refusedMessages());
  }
}
