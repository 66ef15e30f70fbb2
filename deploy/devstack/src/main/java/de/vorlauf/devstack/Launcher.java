package de.vorlauf.devstack;

import de.vorlauf.devstack.broker.BrokerOptions;
import de.vorlauf.devstack.broker.MqttBrokerService;
import de.vorlauf.devstack.broker.MqttServiceAccounts;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.devstack.postgres.PostgresOptions;
import de.vorlauf.devstack.postgres.PostgresService;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.devstack.process.JavaProcess;
import de.vorlauf.devstack.process.JavaProcessOptions;
import de.vorlauf.devstack.process.LogTail;
import de.vorlauf.devstack.service.Origin;
import de.vorlauf.devstack.service.ShutdownRegistry;
import de.vorlauf.devstack.service.StateDir;
import de.vorlauf.devstack.supervision.LauncherMetrics;
import de.vorlauf.devstack.supervision.RestartPolicy;
import de.vorlauf.devstack.supervision.SupervisionFiles;
import de.vorlauf.devstack.temporal.RunningTemporal;
import de.vorlauf.devstack.temporal.TemporalOptions;
import de.vorlauf.devstack.temporal.TemporalService;
import de.vorlauf.devstack.wildfly.AdminCredentials;
import de.vorlauf.devstack.wildfly.RunningWildfly;
import de.vorlauf.devstack.wildfly.WildflyOptions;
import de.vorlauf.devstack.wildfly.WildflyService;
import de.vorlauf.domain.config.WebAdminVars;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local run command: starts services → migrations → worker → WildFly, prints every URL and
 * stops it all (in reverse order) on Ctrl-C, SIGTERM or {@code stop}; restarts a process of its own
 * that dies ({@link Platform#supervise}). Usage: {@code up | stop | status | restart <service>};
 * the repository root comes from the system property {@code vorlauf.repo}.
 */
public final class Launcher {

  private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

  /** How often the supervisor looks at the processes: a dead worker is noticed within this. */
  private static final Duration SUPERVISION_INTERVAL = Duration.ofSeconds(1);

  private Launcher() {}

  public static void main(String[] args) throws InterruptedException {
    String command = args.length == 0 ? "up" : args[0];
    Path repo = Path.of(System.getProperty("vorlauf.repo", ".")).toAbsolutePath().normalize();
    LauncherConfig config;
    try {
      config = LauncherConfig.fromEnvironment(System.getenv(), repo);
    } catch (IllegalArgumentException e) {
      LOG.error("Invalid configuration: {}", e.getMessage());
      System.exit(2);
      return;
    }
    LauncherLogging.configure(config.state().create(), config.logFormat());
    int exit =
        switch (command) {
          case "up" -> runUntilStopped(config);
          case "stop" -> LauncherCommands.stop(config.state());
          case "status" -> LauncherCommands.status(config.state());
          case "restart" ->
              args.length == 2 ? LauncherCommands.restart(config.state(), args[1]) : usage();
          default -> {
            LOG.error("Unknown command '{}'.", command);
            yield usage();
          }
        };
    if (exit != 0 || !"up".equals(command)) {
      System.exit(exit);
    }
  }

  private static int usage() {
    LOG.error("Usage: vorlauf up | stop | status | restart <service>");
    return 2;
  }

  private static int runUntilStopped(LauncherConfig config) throws InterruptedException {
    Platform platform;
    try {
      platform = up(config);
    } catch (RuntimeException e) {
      LOG.error("Vorlauf did not start: {}", e.getMessage());
      LauncherLogging.fileOnly().error("Vorlauf did not start", e);
      return 1;
    }
    LOG.info("Vorlauf is up. Stop it with Ctrl-C or `deploy/vorlauf stop`.");
    platform.awaitClosed();
    return 0;
  }

  /**
   * Starts everything {@code config} asks for and returns it running. On failure, whatever was
   * already started is stopped again before the exception leaves.
   */
  public static Platform up(LauncherConfig config) {
    StateDir state = config.state().create();
    Platform platform = new Platform();
    platform.closeLast(LauncherLock.acquire(state));
    try {
      LOG.info("Starting Vorlauf, state folder {}", state);
      // a launcher killed with kill -9 leaves its children running: stop them first
      LauncherCommands.stopLeftovers(state);
      // first: a port in use fails the start before anything else runs
      LauncherMetrics metrics =
          new LauncherMetrics(platform::processStatuses)
              .serve(config.metricsBind(), config.ports().launcherMetrics());
      platform.closeLast(metrics);
      AdminCredentials admin = AdminCredentials.ensure(state.secrets());
      RunningPostgres database = platform.add(PostgresService.start(postgresOptions(config)));
      // our own broker authenticates every client: the platform's service accounts here, the
      // devices once the worker has exported the registry; an external one is configured by ops
      MqttServiceAccounts mqttAccounts =
          config.externalMqttUrl() == null ? MqttServiceAccounts.ensure(state.secrets()) : null;
      BrokerOptions brokerOptions =
          BrokerOptions.of(state, config.ports().mqtt(), config.externalMqttUrl(), config.broker());
      RunningBroker mqtt =
          platform.add(
              MqttBrokerService.start(
                  mqttAccounts == null
                      ? brokerOptions
                      : brokerOptions.withServiceLogins(mqttAccounts.all())));
      RunningTemporal temporal =
          platform.add(
              TemporalService.start(
                  TemporalOptions.of(
                      state,
                      config.ports().temporal(),
                      config.ports().temporalUi(),
                      config.externalTemporalAddress(),
                      config.temporal())));
      Path dbPasswordFile =
          database.origin() == Origin.EMBEDDED ? state.secret("db-password") : null;
      int healthPort = config.ports().workerHealth();
      DemoFleet fleet =
          config.simulator()
              ? DemoFleet.prepare(
                  state,
                  config.ports().vendorCloud(),
                  DemoFleet.lookback(config.simulatorEnv(), System.getenv()))
              : null;
      Map<String, String> fleetEnv = fleet == null ? Map.of() : fleet.integrationEnv();
      Map<String, String> workerEnv =
          ChildEnvironment.worker(
              database, dbPasswordFile, mqtt, temporal, healthPort, mqttAccounts);
      workerEnv.putAll(fleetEnv);
      ChildEnvironment.withLogFormat(workerEnv, config.logFormat());
      ChildEnvironment.singleWorkerSubscription(workerEnv, System.getenv());
      migrate(config, workerEnv);
      String healthUrl = "http://127.0.0.1:" + healthPort + "/health";
      platform.add(JavaProcess.start(worker(config, workerEnv, healthUrl)));
      String temporalUi = temporal.uiUrl().orElse(config.temporalUiUrl());
      Map<String, String> wildflyEnv =
          ChildEnvironment.wildfly(
              database, mqtt, temporal, temporalUi, healthPort, admin, mqttAccounts);
      wildflyEnv.putAll(fleetEnv);
      // the status page shows each process's restarts from the supervisor's file
      wildflyEnv.put(
          WebAdminVars.LAUNCHER_SUPERVISION_FILE.name(), state.supervisionProperties().toString());
      ChildEnvironment.withLogFormat(wildflyEnv, config.logFormat());
      RunningWildfly wildfly =
          platform.add(
              WildflyService.start(
                  WildflyOptions.of(
                      config.repo(),
                      state,
                      config.ports().wildflyOffset(),
                      config.bindAddress(),
                      wildflyEnv)));
      if (fleet != null) {
        // after WildFly: the simulator provisions its fleet through the admin API
        platform.add(JavaProcess.start(fleet.simulator(config, mqtt, wildfly, admin)));
      }
      PlatformReport report =
          new PlatformReport(
              state,
              database,
              mqtt,
              temporal,
              healthUrl,
              wildfly,
              admin,
              reportLines(metrics, fleet));
      report.write();
      report.urlLines().forEach(LOG::info);
      ShutdownRegistry.register(platform);
      platform.closeLast(() -> Files.deleteIfExists(state.supervisionProperties()));
      RestartPolicy.Limits limits = RestartPolicy.Limits.DEFAULT;
      platform.supervise(
          state,
          limits,
          SUPERVISION_INTERVAL,
          statuses -> {
            SupervisionFiles.write(state.supervisionProperties(), statuses, limits);
            metrics.update(statuses);
          });
      return platform;
    } catch (RuntimeException e) {
      platform.close();
      throw e;
    }
  }

  private static List<String> reportLines(LauncherMetrics metrics, DemoFleet fleet) {
    List<String> lines = new ArrayList<>();
    lines.add("Launcher metrics: " + metrics.url() + "   (restarts of each process)");
    if (fleet != null) {
      lines.addAll(fleet.reportLines());
    }
    return lines;
  }

  private static PostgresOptions postgresOptions(LauncherConfig config) {
    if (config.externalDbUrl() != null) {
      return PostgresOptions.external(config.externalDbUrl(), config.dbUser(), config.dbPassword());
    }
    return PostgresOptions.embedded(config.state(), config.ports().database());
  }

  private static void migrate(LauncherConfig config, Map<String, String> env) {
    StateDir state = config.state();
    LOG.info("Running database migrations (log: {})", state.log("migrate"));
    JavaProcessOptions options =
        new JavaProcessOptions(
            "migrations",
            workerJar(config),
            List.of("migrate"),
            "256m",
            env,
            state.root(),
            state.log("migrate"),
            state.pidFile("migrate"),
            null,
            Duration.ZERO,
            Duration.ofSeconds(10));
    int exit = JavaProcess.run(options, Duration.ofMinutes(5));
    if (exit != 0) {
      throw new IllegalStateException(
          "Database migrations failed (exit code "
              + exit
              + "); last lines of "
              + state.log("migrate")
              + ":\n"
              + LogTail.of(state.log("migrate"), 25));
    }
    LOG.info("Database migrations done");
  }

  private static JavaProcessOptions worker(
      LauncherConfig config, Map<String, String> env, String healthUrl) {
    StateDir state = config.state();
    return new JavaProcessOptions(
        "worker",
        workerJar(config),
        List.of("run"),
        // training runs in this worker (VORLAUF_WORKER_TRAINING=include): the training benchmark's
        // heap; the worker sets JavaCPP's limits itself (WorkerMain.offHeapLimits)
        "1g",
        env,
        state.root(),
        state.log("worker"),
        state.pidFile("worker"),
        URI.create(healthUrl),
        Duration.ofMinutes(2),
        Duration.ofSeconds(60));
  }

  private static Path workerJar(LauncherConfig config) {
    return config.repo().resolve("worker/target/vorlauf-worker.jar");
  }
}
