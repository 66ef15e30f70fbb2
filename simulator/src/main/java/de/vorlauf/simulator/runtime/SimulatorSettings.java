package de.vorlauf.simulator.runtime;

import de.vorlauf.domain.config.SimulatorVars;
import de.vorlauf.simulator.physics.Weather;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything one simulator run is built from, read once at the edge ({@code SimulatorMain}) and
 * passed down.
 *
 * @param stateDir credentials.json and the backfill.done marker live here
 * @param apiUrl Vorlauf's admin base URL (the REST provisioning logs in there); null when a test
 *     provisions another way
 * @param adminPasswordFile the admin's password (first line); never logged
 * @param backfill history published before going live, once per state folder
 * @param gatewaySize devices per gateway in gateway mode
 * @param faults {@code none} or {@code demo}
 * @param cloudPort the vendor cloud's port; 0 picks a free one; negative: no cloud
 * @param cloudSecretFile the cloud client's secret (created with a random secret when missing)
 * @param stepThreads threads that step buildings, render and publish
 * @param maxInflight unacknowledged QoS 1 messages per connection
 * @param backlogWindow backfill messages per connection sent and not yet committed by ingestion
 * @param zone the fleet's time zone (all simulated buildings are in one region)
 * @param seasonOffsetDays the weather at t is the weather model's at t + this many days
 */
public record SimulatorSettings(
    Path stateDir,
    URI apiUrl,
    String adminUser,
    Path adminPasswordFile,
    String mqttUrl,
    int buildings,
    long seed,
    String idPrefix,
    Duration backfill,
    GatewayMode gatewayMode,
    int gatewayThreshold,
    int gatewaySize,
    String faults,
    int cloudPort,
    int cloudInstallations,
    String cloudClientId,
    Path cloudSecretFile,
    int stepThreads,
    int maxInflight,
    int backlogWindow,
    Duration progressInterval,
    ZoneId zone,
    int seasonOffsetDays) {

  public SimulatorSettings {
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(mqttUrl, "mqttUrl");
    Objects.requireNonNull(backfill, "backfill");
    Objects.requireNonNull(gatewayMode, "gatewayMode");
    if (buildings < 1 || buildings > 100_000) {
      throw new IllegalArgumentException("buildings must be 1..100000, not " + buildings);
    }
    if (gatewaySize < 1 || gatewayThreshold < 1 || stepThreads < 1 || backlogWindow < 1) {
      throw new IllegalArgumentException(
          "gateway size, threshold, threads and backlog window must be positive");
    }
    if (backfill.isNegative()) {
      throw new IllegalArgumentException("backfill must not be negative");
    }
    if (!faults.equals("none") && !faults.equals("demo")) {
      throw new IllegalArgumentException("faults must be none or demo, not " + faults);
    }
    if (!idPrefix.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,30}")) {
      throw new IllegalArgumentException("idPrefix must be a short registry id prefix");
    }
  }

  /**
   * The defaults of the demo (the declared ones, {@link SimulatorVars}), with the state folder and
   * broker given.
   */
  public static SimulatorSettings defaults(Path stateDir, String mqttUrl) {
    return new SimulatorSettings(
        stateDir,
        null,
        SimulatorVars.ADMIN_USER.defaultValue(),
        null,
        mqttUrl,
        SimulatorVars.BUILDINGS.defaultValue(),
        SimulatorVars.SEED.defaultValue(),
        SimulatorVars.ID_PREFIX.defaultValue(),
        Duration.ofDays(SimulatorVars.BACKFILL_DAYS.defaultValue()),
        GatewayMode.valueOf(SimulatorVars.GATEWAY_MODE.defaultValue().toUpperCase(Locale.ROOT)),
        SimulatorVars.GATEWAY_THRESHOLD.defaultValue(),
        SimulatorVars.GATEWAY_SIZE.defaultValue(),
        SimulatorVars.FAULTS.defaultValue(),
        SimulatorVars.CLOUD_PORT.defaultValue(),
        SimulatorVars.CLOUD_INSTALLATIONS.defaultValue(),
        SimulatorVars.CLOUD_CLIENT_ID.defaultValue(),
        null,
        Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors())),
        SimulatorVars.MAX_INFLIGHT.defaultValue(),
        SimulatorVars.BACKLOG_WINDOW.defaultValue(),
        SimulatorVars.PROGRESS_INTERVAL.defaultValue(),
        SimulatorVars.ZONE.defaultValue(),
        SimulatorVars.SEASON_OFFSET_DAYS.defaultValue());
  }

  /** Gateways decide who publishes: true in ON, or in AUTO from the threshold on. */
  public boolean gateways() {
    return switch (gatewayMode) {
      case ON -> true;
      case OFF -> false;
      case AUTO -> buildings >= gatewayThreshold;
    };
  }

  public SimulatorSettings withBuildings(int value) {
    return copy(b -> b.buildings = value);
  }

  public SimulatorSettings withBackfill(Duration value) {
    return copy(b -> b.backfill = value);
  }

  public SimulatorSettings withGateways(GatewayMode mode, int size) {
    return copy(
        b -> {
          b.gatewayMode = mode;
          b.gatewaySize = size;
        });
  }

  public SimulatorSettings withFaults(String value) {
    return copy(b -> b.faults = value);
  }

  public SimulatorSettings withIdPrefix(String value) {
    return copy(b -> b.idPrefix = value);
  }

  /** No vendor cloud (negative port, no installations). */
  public SimulatorSettings withoutCloud() {
    return copy(
        b -> {
          b.cloudPort = -1;
          b.cloudInstallations = 0;
        });
  }

  public SimulatorSettings withCloud(int port, int installations, Path secretFile) {
    return copy(
        b -> {
          b.cloudPort = port;
          b.cloudInstallations = installations;
          b.cloudSecretFile = secretFile;
        });
  }

  public SimulatorSettings withApi(URI url, Path passwordFile) {
    return copy(
        b -> {
          b.apiUrl = url;
          b.adminPasswordFile = passwordFile;
        });
  }

  public SimulatorSettings withThreads(int steps, int inflight) {
    return copy(
        b -> {
          b.stepThreads = steps;
          b.maxInflight = inflight;
        });
  }

  public SimulatorSettings withBacklogWindow(int value) {
    return copy(b -> b.backlogWindow = value);
  }

  public SimulatorSettings withSeasonOffsetDays(int value) {
    return copy(b -> b.seasonOffsetDays = value);
  }

  /** The fleet's weather: the seed's, shifted by the season offset. */
  public Weather weather() {
    return new Weather(seed, Duration.ofDays(seasonOffsetDays));
  }

  public SimulatorSettings withSeed(long value) {
    return copy(b -> b.seed = value);
  }

  /** These settings with the changes {@code change} makes to a copy of their fields. */
  private SimulatorSettings copy(java.util.function.Consumer<Fields> change) {
    Fields fields = new Fields(this);
    change.accept(fields);
    return fields.build();
  }

  /** The record's fields, mutable, for the withers above. */
  private static final class Fields {
    Path stateDir;
    URI apiUrl;
    String adminUser;
    Path adminPasswordFile;
    String mqttUrl;
    int buildings;
    long seed;
    String idPrefix;
    Duration backfill;
    GatewayMode gatewayMode;
    int gatewayThreshold;
    int gatewaySize;
    String faults;
    int cloudPort;
    int cloudInstallations;
    String cloudClientId;
    Path cloudSecretFile;
    int stepThreads;
    int maxInflight;
    int backlogWindow;
    Duration progressInterval;
    ZoneId zone;
    int seasonOffsetDays;

    Fields(SimulatorSettings s) {
      stateDir = s.stateDir;
      apiUrl = s.apiUrl;
      adminUser = s.adminUser;
      adminPasswordFile = s.adminPasswordFile;
      mqttUrl = s.mqttUrl;
      buildings = s.buildings;
      seed = s.seed;
      idPrefix = s.idPrefix;
      backfill = s.backfill;
      gatewayMode = s.gatewayMode;
      gatewayThreshold = s.gatewayThreshold;
      gatewaySize = s.gatewaySize;
      faults = s.faults;
      cloudPort = s.cloudPort;
      cloudInstallations = s.cloudInstallations;
      cloudClientId = s.cloudClientId;
      cloudSecretFile = s.cloudSecretFile;
      stepThreads = s.stepThreads;
      maxInflight = s.maxInflight;
      backlogWindow = s.backlogWindow;
      progressInterval = s.progressInterval;
      zone = s.zone;
      seasonOffsetDays = s.seasonOffsetDays;
    }

    SimulatorSettings build() {
      return new SimulatorSettings(
          stateDir,
          apiUrl,
          adminUser,
          adminPasswordFile,
          mqttUrl,
          buildings,
          seed,
          idPrefix,
          backfill,
          gatewayMode,
          gatewayThreshold,
          gatewaySize,
          faults,
          cloudPort,
          cloudInstallations,
          cloudClientId,
          cloudSecretFile,
          stepThreads,
          maxInflight,
          backlogWindow,
          progressInterval,
          zone,
          seasonOffsetDays);
    }
  }
}
