package de.vorlauf.domain.config;

import static de.vorlauf.domain.config.ReadBy.LAUNCHER;
import static de.vorlauf.domain.config.ReadBy.SIMULATOR;

import java.nio.file.Path;
import java.util.List;

/** The local launcher: its state folder and the ports of the services it starts. */
public final class LauncherVars {

  /** Relative to the working folder; the launcher keeps its default in the repository. */
  public static final EnvVar<Path> STATE_DIR =
      EnvVar.path("VORLAUF_STATE_DIR")
          .byDefault(".vorlauf")
          .readBy(LAUNCHER, SIMULATOR)
          .means("state folder (data, logs, secrets); the launcher's default is <repo>/.vorlauf");

  public static final EnvVar<Integer> DB_PORT =
      EnvVar.port("VORLAUF_DB_PORT")
          .byDefault(Integer.toString(DefaultPorts.POSTGRES))
          .readBy(LAUNCHER)
          .means("port of the embedded PostgreSQL");

  public static final EnvVar<Integer> MQTT_PORT =
      EnvVar.port("VORLAUF_MQTT_PORT")
          .byDefault(Integer.toString(DefaultPorts.MQTT))
          .readBy(LAUNCHER)
          .means("port of the broker the launcher starts");

  public static final EnvVar<Integer> TEMPORAL_PORT =
      EnvVar.port("VORLAUF_TEMPORAL_PORT")
          .byDefault(Integer.toString(DefaultPorts.TEMPORAL))
          .readBy(LAUNCHER)
          .means("gRPC port of the Temporal server the launcher starts");

  public static final EnvVar<Integer> TEMPORAL_UI_PORT =
      EnvVar.port("VORLAUF_TEMPORAL_UI_PORT")
          .byDefault(Integer.toString(DefaultPorts.TEMPORAL_UI))
          .readBy(LAUNCHER)
          .means("Web UI port of the Temporal dev server the launcher starts");

  /** 55,000 keeps WildFly's highest port (9993 + offset) a valid port. */
  public static final EnvVar<Integer> WILDFLY_PORT_OFFSET =
      EnvVar.integer("VORLAUF_WILDFLY_PORT_OFFSET", 0, 55_000)
          .byDefault(Integer.toString(DefaultPorts.WILDFLY_OFFSET))
          .readBy(LAUNCHER)
          .means(
              "WildFly port offset: HTTP 8080+offset, HTTPS 8443+offset, management 9990+offset");

  public static final EnvVar<String> BIND_ADDRESS =
      EnvVar.text("VORLAUF_BIND_ADDRESS")
          .byDefault(DefaultPorts.LOOPBACK)
          .readBy(LAUNCHER)
          .means("WildFly's public and management interfaces");

  public static final EnvVar<Boolean> SIMULATOR_ON =
      EnvVar.flag("VORLAUF_SIMULATOR")
          .byDefault("on")
          .readBy(LAUNCHER)
          .means("off: no demo fleet, no sim-cloud integration");

  public static final EnvVar<Integer> METRICS_PORT =
      EnvVar.port("VORLAUF_LAUNCHER_METRICS_PORT")
          .byDefault(Integer.toString(DefaultPorts.LAUNCHER_METRICS))
          .readBy(LAUNCHER)
          .means(
              "port of the launcher's Prometheus endpoint (/metrics: restarts and up state of"
                  + " each process it started)");

  public static final EnvVar<String> METRICS_BIND =
      EnvVar.text("VORLAUF_LAUNCHER_METRICS_BIND", "[0-9A-Za-z.:\\-]+", "a host name or IP address")
          .byDefault(DefaultPorts.LOOPBACK)
          .readBy(LAUNCHER)
          .means(
              "address the launcher's metrics endpoint listens on; it carries no authentication,"
                  + " so keep loopback unless a scraper on another host needs it");

  /**
   * Where free ports come from (devstack's FreePorts). The build sets it per module (pom.xml {@code
   * test.ports.*}) so that modules whose tests run at the same time ({@code mvn -T 2}) never draw
   * the same port.
   */
  public static final EnvVar<String> FREE_PORTS =
      EnvVar.text("VORLAUF_FREE_PORTS", "[0-9]{4,5}-[0-9]{4,5}", "lowest-highest, e.g. 20000-32767")
          .byDefault("20000-32767")
          .readBy(LAUNCHER)
          .means(
              "range the free ports of tests and test stacks are drawn from, below Linux's"
                  + " ephemeral range (32768-60999); the build gives each module's tests a range of"
                  + " their own");

  public static final List<EnvVar<?>> ALL =
      List.of(
          STATE_DIR,
          DB_PORT,
          MQTT_PORT,
          TEMPORAL_PORT,
          TEMPORAL_UI_PORT,
          WILDFLY_PORT_OFFSET,
          BIND_ADDRESS,
          SIMULATOR_ON,
          METRICS_PORT,
          METRICS_BIND,
          FREE_PORTS);

  private LauncherVars() {}
}
