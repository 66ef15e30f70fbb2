package de.vorlauf.devstack;

import de.vorlauf.devstack.broker.BrokerKind;
import de.vorlauf.devstack.postgres.PostgresOptions;
import de.vorlauf.devstack.service.FreePorts;
import de.vorlauf.devstack.service.StateDir;
import de.vorlauf.devstack.temporal.TemporalKind;
import de.vorlauf.domain.config.ConfigException;
import de.vorlauf.domain.config.DatabaseVars;
import de.vorlauf.domain.config.DefaultPorts;
import de.vorlauf.domain.config.EnvReader;
import de.vorlauf.domain.config.EnvVar;
import de.vorlauf.domain.config.LauncherVars;
import de.vorlauf.domain.config.LogVars;
import de.vorlauf.domain.config.MqttVars;
import de.vorlauf.domain.config.SimulatorVars;
import de.vorlauf.domain.config.TemporalVars;
import de.vorlauf.domain.config.WorkerVars;
import java.nio.file.Files;
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
    String metricsBind,
    String logFormat,
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
      int vendorCloud,
      int launcherMetrics) {

    public static final Ports DEMO =
        new Ports(
            DefaultPorts.POSTGRES,
            DefaultPorts.MQTT,
            DefaultPorts.TEMPORAL,
            DefaultPorts.TEMPORAL_UI,
            DefaultPorts.WILDFLY_OFFSET,
            DefaultPorts.WORKER_HEALTH,
            DefaultPorts.VENDOR_CLOUD,
            DefaultPorts.LAUNCHER_METRICS);

    /** WildFly's socket bindings that the port offset moves. */
    static final int[] WILDFLY_BASE_PORTS = {8080, 8443, 9990, 9993, 4712, 4713};

    /**
     * Free ports and a WildFly offset under which all its ports are free, for tests. All of them in
     * {@link FreePorts#range()}, below the ephemeral range: the offset keeps WildFly's lowest port
     * (4712 + offset) and highest (9993 + offset) inside it.
     *
     * @throws IllegalStateException when the range is narrower than WildFly's ports
     */
    public static Ports free() {
      FreePorts.Range range = FreePorts.range();
      int lowestOffset =
          range.lowest() - java.util.Arrays.stream(WILDFLY_BASE_PORTS).min().orElseThrow();
      int highestOffset =
          range.highest() - java.util.Arrays.stream(WILDFLY_BASE_PORTS).max().orElseThrow();
      if (highestOffset < lowestOffset) {
        throw new IllegalStateException(
            "the free-port range " + range + " cannot hold WildFly's ports (4712-9993 + offset)");
      }
      java.util.Random random = new java.util.Random();
      for (int attempt = 0; attempt < 100; attempt++) {
        int offset = lowestOffset + random.nextInt(highestOffset - lowestOffset + 1);
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
              FreePorts.find(),
              FreePorts.find());
        }
      }
      throw new IllegalStateException("no free WildFly port offset found");
    }
  }

  /**
   * Reads the declared variables ({@code de.vorlauf.domain.config}).
   *
   * @throws ConfigException naming every variable whose value cannot be used
   */
  public static LauncherConfig fromEnvironment(Map<String, String> environment, Path repo) {
    EnvReader env = new EnvReader(environment);
    // a given folder is taken from where the launcher runs; the default lives in the repository
    Path stateDir =
        env.find(LauncherVars.STATE_DIR)
            .map(dir -> dir.toAbsolutePath().normalize())
            .orElse(repo.resolve(LauncherVars.STATE_DIR.defaultValue()));
    Ports ports =
        new Ports(
            env.get(LauncherVars.DB_PORT),
            env.get(LauncherVars.MQTT_PORT),
            env.get(LauncherVars.TEMPORAL_PORT),
            env.get(LauncherVars.TEMPORAL_UI_PORT),
            env.get(LauncherVars.WILDFLY_PORT_OFFSET),
            fixedPort(env, WorkerVars.HEALTH_PORT),
            fixedPort(env, SimulatorVars.CLOUD_PORT),
            env.get(LauncherVars.METRICS_PORT));
    LauncherConfig config =
        new LauncherConfig(
            repo,
            new StateDir(stateDir),
            env.find(DatabaseVars.URL).orElse(null),
            env.get(DatabaseVars.USER),
            env.secret(DatabaseVars.PASSWORD, DatabaseVars.PASSWORD_FILE, Files::readString),
            env.find(MqttVars.URL).orElse(null),
            BrokerKind.parse(env.get(MqttVars.BROKER)),
            env.find(TemporalVars.ADDRESS).orElse(null),
            TemporalKind.parse(env.get(TemporalVars.SERVER)),
            env.find(TemporalVars.UI_URL).orElse(null),
            ports,
            env.get(LauncherVars.BIND_ADDRESS),
            env.get(LauncherVars.METRICS_BIND),
            env.get(LogVars.FORMAT),
            env.get(LauncherVars.SIMULATOR_ON),
            // the simulator's own VORLAUF_SIM_* options reach it through the inherited environment
            Map.of());
    env.throwIfInvalid();
    return config;
  }

  /**
   * The launcher hands the port on to the worker, WildFly or the simulator: 0 ("any free port")
   * becomes a free port now; a negative one (the simulator's "no cloud") has no meaning here.
   */
  private static int fixedPort(EnvReader env, EnvVar<Integer> variable) {
    int port = env.get(variable);
    if (port == 0) {
      return FreePorts.find();
    }
    if (port < 0) {
      env.problem(
          "%s=%d: the launcher needs a port; VORLAUF_SIMULATOR=off runs without the demo fleet"
              .formatted(variable.name(), port));
      return variable.defaultValue();
    }
    return port;
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
        DefaultPorts.LOOPBACK,
        DefaultPorts.LOOPBACK,
        LogVars.FORMAT.defaultValue(),
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
        metricsBind,
        logFormat,
        true,
        env);
  }

  @Override
  public String toString() {
    // never print the password
    return "LauncherConfig[repo=" + repo + ", state=" + state + ", ports=" + ports + "]";
  }
}
