package de.vorlauf.devstack;

import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.devstack.process.JavaProcessOptions;
import de.vorlauf.devstack.service.Secrets;
import de.vorlauf.devstack.service.ServicePorts;
import de.vorlauf.devstack.service.StateDir;
import de.vorlauf.devstack.wildfly.AdminCredentials;
import de.vorlauf.devstack.wildfly.RunningWildfly;
import de.vorlauf.domain.config.EnvReader;
import de.vorlauf.domain.config.LogVars;
import de.vorlauf.domain.config.MqttVars;
import de.vorlauf.domain.config.SimulatorVars;
import de.vorlauf.domain.config.VendorVars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's living fleet: the simulator process (buildings publishing over MQTT, a simulated
 * vendor cloud) and the vendor integration the worker polls from that cloud.
 *
 * <p>Prepared before the worker starts, because the worker reads the integrations file at start;
 * the simulator itself starts after WildFly, since it provisions its fleet through the admin API.
 * The cloud's client secret is generated once per state folder; the integrations file names only
 * the secret's path.
 */
final class DemoFleet {

  static final String INTEGRATION = "sim-cloud";
  static final String CLOUD_CLIENT_ID = "vorlauf";

  private final StateDir state;
  private final int cloudPort;
  private final Path integrationsFile;
  private final Path cloudSecretFile;

  private DemoFleet(StateDir state, int cloudPort, Path integrationsFile, Path cloudSecretFile) {
    this.state = state;
    this.cloudPort = cloudPort;
    this.integrationsFile = integrationsFile;
    this.cloudSecretFile = cloudSecretFile;
  }

  /**
   * Generates the cloud's client secret (first start only) and writes the integrations file the
   * worker and WildFly read.
   */
  static DemoFleet prepare(StateDir state, int cloudPort, Duration lookback) {
    ServicePorts.requireFree(cloudPort, "the simulator's vendor cloud");
    Path secret = state.secret("vendor-sim-cloud-secret");
    Secrets.readOrCreate(secret);
    Path file = state.root().resolve("vendor-integrations.properties");
    String content =
        "# Written by the launcher at every start: the demo's vendor integration, polling the\n"
            + "# simulator's vendor cloud. Point VORLAUF_VENDOR_INTEGRATIONS_FILE at a file of your\n"
            + "# own to poll real clouds instead.\n"
            + "integrations="
            + INTEGRATION
            + "\n"
            + entry("base-url", "http://127.0.0.1:" + cloudPort)
            + entry("client-id", CLOUD_CLIENT_ID)
            + entry("client-secret-file", secret.toAbsolutePath().toString())
            + entry("device-id-template", "vc-{installationId}")
            + entry("poll-interval", "PT1M")
            + entry("initial-lookback", lookback.toString())
            + entry("autostart", "true");
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return new DemoFleet(state, cloudPort, file, secret);
  }

  private static String entry(String key, String value) {
    // java.util.Properties reads a backslash as an escape: paths are written with forward slashes
    return INTEGRATION + "." + key + "=" + value.replace('\\', '/') + "\n";
  }

  /**
   * How far the integration reads back at its first poll: as far as the simulator backfills (its
   * {@code VORLAUF_SIM_BACKFILL} or {@code VORLAUF_SIM_BACKFILL_DAYS}, default 30 days), plus an
   * hour, so the cloud's whole history is polled and no request asks for days that cannot exist.
   */
  static Duration lookback(Map<String, String> simulatorEnv, Map<String, String> env) {
    Map<String, String> merged = new HashMap<>(env);
    merged.putAll(simulatorEnv);
    // a bad value keeps its default here: the simulator reports its own option errors
    return SimulatorVars.backfill(new EnvReader(merged)).plusHours(1);
  }

  /** Added to the worker's and WildFly's environment. */
  Map<String, String> integrationEnv() {
    return Map.of(VendorVars.INTEGRATIONS_FILE.name(), integrationsFile.toString());
  }

  /**
   * The simulator process. Options the user set as {@code VORLAUF_SIM_*} reach it through the
   * inherited environment (simulator/README.md lists them); these are the ones the launcher owns.
   */
  JavaProcessOptions simulator(
      LauncherConfig config, RunningBroker mqtt, RunningWildfly wildfly, AdminCredentials admin) {
    Map<String, String> env = new LinkedHashMap<>(config.simulatorEnv());
    env.put(SimulatorVars.STATE_DIR.name(), state.root().resolve("simulator").toString());
    env.put(SimulatorVars.API_URL.name(), stripSlash(wildfly.baseUrl()));
    env.put(SimulatorVars.ADMIN_USER.name(), admin.user());
    env.put(SimulatorVars.ADMIN_PASSWORD_FILE.name(), admin.passwordFile().toString());
    env.put(MqttVars.URL.name(), mqtt.url());
    env.put(LogVars.FORMAT.name(), config.logFormat());
    env.put(SimulatorVars.CLOUD_PORT.name(), Integer.toString(cloudPort));
    env.put(SimulatorVars.CLOUD_CLIENT_ID.name(), CLOUD_CLIENT_ID);
    env.put(SimulatorVars.CLOUD_SECRET_FILE.name(), cloudSecretFile.toString());
    return new JavaProcessOptions(
        "simulator",
        config.repo().resolve("simulator/target/vorlauf-simulator.jar"),
        List.of("run"),
        "512m",
        env,
        state.root(),
        state.log("simulator"),
        state.pidFile("simulator"),
        null,
        Duration.ZERO,
        // it finishes the current minute and waits for the broker's acknowledgements
        Duration.ofSeconds(60));
  }

  List<String> reportLines() {
    return List.of(
        "Simulator:        "
            + state.log("simulator")
            + "   (fleet, backfill progress; energy report at stop)",
        "Vendor cloud:     http://127.0.0.1:" + cloudPort + "   (integration " + INTEGRATION + ")");
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
