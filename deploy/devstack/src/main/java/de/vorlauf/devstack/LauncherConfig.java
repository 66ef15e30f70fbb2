package de.vorlauf.devstack;

import de.vorlauf.devstack.broker.BrokerKind;
import de.vorlauf.devstack.postgres.PostgresOptions;
import de.vorlauf.devstack.service.FreePorts;
import de.vorlauf.devstack.service.StateDir;
import de.vorlauf.devstack.temporal.TemporalKind;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything the launcher reads from the environment, read once. An address that is set
 * (VORLAUF_DB_URL, VORLAUF_MQTT_URL, TEMPORAL_ADDRESS) means: use that service, start none.
 */
public record LauncherConfig(
    Path repo,
    StateDir state,
    String externalDbUrl,
    String dbUser,
    String dbPassword,
    String externalMqttUrl,
    BrokerKind broker,
    String externalTemporalAddress,
    TemporalKind temporal,
    String temporalUiUrl,
    Ports ports,
    String bindAddress,
    boolean simulator,
    Map<String, String> simulatorEnv) {

  public LauncherConfig {
    simulatorEnv = Map.copyOf(simulatorEnv);
  }

  /** Ports of what the launcher starts; demo defaults, tests pick free ones. */
  public record Ports(
      int database,
      int mqtt,
      int temporal,
      int temporalUi,
      int wildflyOffset,
      int workerHealth,
      int vendorCloud) {

    public static final Ports DEMO = new Ports(15432, 11883, 17233, 18233, 10000, 18081, 18090);

    /** WildFly's socket bindings that the port offset moves. */
    static final int[] WILDFLY_BASE_PORTS = {8080, 8443, 9990, 9993, 4712, 4713};

    /**
     * Free ports and a WildFly offset under which all its ports are free, for tests. All of them
     * below the ephemeral range (see {@link FreePorts}): offsets 10100–22700 keep WildFly's highest
     * port (9993 + offset) under 32768.
     */
    public static Ports free() {
      java.util.Random random = new java.util.Random();
      for (int attempt = 0; attempt < 100; attempt++) {
        int offset = 10_100 + random.nextInt(12_600);
        int[] wildfly = java.util.Arrays.stream(WILDFLY_BASE_PORTS).map(p -> p + offset).toArray();
        if (java.util.Arrays.stream(wildfly).allMatch(FreePorts::isFree)
            && FreePorts.reserve(wildfly)) {
          return new Ports(
              FreePorts.find(),
              FreePorts.find(),
              FreePorts.find(),
              FreePorts.find(),
              offset,
              FreePorts.find(),
              FreePorts.find());
        }
      }
      throw new IllegalStateException("no free WildFly port offset found");
    }
  }

  public static LauncherConfig fromEnvironment(Map<String, String> env, Path repo) {
    EnvReader read = new EnvReader(env);
    Path stateDir = read.path("VORLAUF_STATE_DIR", repo.resolve(".vorlauf"));
    Ports ports =
        new Ports(
            read.port("VORLAUF_DB_PORT", Ports.DEMO.database()),
            read.port("VORLAUF_MQTT_PORT", Ports.DEMO.mqtt()),
            read.port("VORLAUF_TEMPORAL_PORT", Ports.DEMO.temporal()),
            read.port("VORLAUF_TEMPORAL_UI_PORT", Ports.DEMO.temporalUi()),
            read.integer("VORLAUF_WILDFLY_PORT_OFFSET", Ports.DEMO.wildflyOffset(), 0, 55000),
            read.port("VORLAUF_WORKER_HEALTH_PORT", Ports.DEMO.workerHealth()),
            read.port("VORLAUF_SIM_CLOUD_PORT", Ports.DEMO.vendorCloud()));
    return new LauncherConfig(
        repo,
        new StateDir(stateDir),
        read.text("VORLAUF_DB_URL", null),
        read.text("VORLAUF_DB_USER", PostgresOptions.APP_USER),
        read.secret("VORLAUF_DB_PASSWORD", "VORLAUF_DB_PASSWORD_FILE"),
        read.text("VORLAUF_MQTT_URL", null),
        BrokerKind.parse(read.text("VORLAUF_MQTT_BROKER", null)),
        read.text("TEMPORAL_ADDRESS", null),
        TemporalKind.parse(read.text("VORLAUF_TEMPORAL_SERVER", null)),
        read.text("VORLAUF_TEMPORAL_UI_URL", null),
        ports,
        read.text("VORLAUF_BIND_ADDRESS", "127.0.0.1"),
        simulator(read.text("VORLAUF_SIMULATOR", "on")),
        // the simulator's own VORLAUF_SIM_* options reach it through the inherited environment
        Map.of());
  }

  private static boolean simulator(String value) {
    return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "on", "true", "yes" -> true;
      case "off", "false", "no" -> false;
      default ->
          throw new IllegalArgumentException(
              "VORLAUF_SIMULATOR must be on or off, not '" + value + "'");
    };
  }

  /**
   * A configuration for tests: free ports, every service started, state under {@code state}; no
   * simulator (see {@link #withSimulator()}).
   */
  public static LauncherConfig forTest(Path repo, StateDir state) {
    return new LauncherConfig(
        repo,
        state,
        null,
        PostgresOptions.APP_USER,
        null,
        null,
        BrokerKind.AUTO,
        null,
        TemporalKind.AUTO,
        null,
        Ports.free(),
        "127.0.0.1",
        false,
        Map.of());
  }

  /**
   * The same configuration with the demo fleet, the simulator run with {@code env} added to its
   * environment (its {@code VORLAUF_SIM_*} options, simulator/README.md).
   */
  public LauncherConfig withSimulator(Map<String, String> env) {
    return new LauncherConfig(
        repo,
        state,
        externalDbUrl,
        dbUser,
        dbPassword,
        externalMqttUrl,
        broker,
        externalTemporalAddress,
        temporal,
        temporalUiUrl,
        ports,
        bindAddress,
        true,
        env);
  }

  @Override
  public String toString() {
    // never print the password
    return "LauncherConfig[repo=" + repo + ", state=" + state + ", ports=" + ports + "]";
  }
}
