package de.vorlauf.worker;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.domain.config.ConfigException;
import de.vorlauf.persistence.DatabaseProbe;
import de.vorlauf.persistence.DatabaseStatus;
import de.vorlauf.persistence.Migrations;
import de.vorlauf.persistence.jdbc.DatabaseSettings;
import de.vorlauf.persistence.jdbc.PooledDataSources;
import de.vorlauf.persistence.migration.MigrationReport;
import de.vorlauf.worker.brokeraccess.BrokerAccessCommand;
import de.vorlauf.worker.brokeraccess.BrokerAccessConfig;
import de.vorlauf.worker.brokeraccess.BrokerAccessLoop;
import de.vorlauf.worker.config.EnvironmentConfig;
import de.vorlauf.worker.config.WorkerConfig;
import java.sql.Connection;
import java.time.Duration;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar vorlauf-worker.jar [run|migrate]}.
 *
 * <ul>
 *   <li>{@code migrate}: brings the database schema up to date, exit 0 on success, 1 otherwise.
 *   <li>{@code run} (default): the Temporal worker with its health endpoint until SIGTERM; with
 *       {@code VORLAUF_BROKER_ACCESS_DIR} also the broker access sync.
 *   <li>{@code broker-access --out DIR}: exports the broker's password and ACL files once.
 * </ul>
 *
 * Exit codes: 0 done, 1 failed, 2 bad usage or configuration.
 */
public final class WorkerMain {

  private static final Logger log = LoggerFactory.getLogger(WorkerMain.class);

  private WorkerMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    String command = args.length == 0 ? "run" : args[0];
    boolean brokerAccess = command.equals("broker-access");
    if (!brokerAccess
        && (args.length > 1 || !(command.equals("run") || command.equals("migrate")))) {
      log.error(
          "usage: vorlauf-worker [run|migrate|broker-access --out DIR] (got: {})",
          String.join(" ", args));
      return 2;
    }
    WorkerConfig config;
    BrokerAccessConfig access;
    try {
      config = EnvironmentConfig.read(System.getenv());
      access = BrokerAccessConfig.read(System.getenv());
    } catch (ConfigException e) {
      log.error(e.getMessage());
      return 2;
    }
    return switch (command) {
      case "migrate" -> migrate(config);
      case "broker-access" ->
          BrokerAccessCommand.run(Arrays.asList(args).subList(1, args.length), config);
      default -> runWorker(config, access);
    };
  }

  /** JavaCPP's off-heap limit of a training worker when none was given: the benchmark's. */
  static final String OFF_HEAP_MAX = "1g";

  /** JavaCPP's limit of the whole process's resident memory, heap included. */
  static final String PHYSICAL_MAX = "3g";

  /**
   * Bounds DL4J's native memory (JavaCPP) like the heap when the command line does not: without it
   * JavaCPP allows as much off-heap as heap and takes no notice of the process's size. Set before
   * ND4J loads (the first training run); an explicit {@code -D} wins.
   */
  static void offHeapLimits(java.util.Properties properties) {
    properties.putIfAbsent("org.bytedeco.javacpp.maxbytes", OFF_HEAP_MAX);
    properties.putIfAbsent("org.bytedeco.javacpp.maxphysicalbytes", PHYSICAL_MAX);
    log.info(
        "training: JavaCPP limits maxbytes={} maxphysicalbytes={}, heap max {} MB,"
            + " OMP_NUM_THREADS={}",
        properties.getProperty("org.bytedeco.javacpp.maxbytes"),
        properties.getProperty("org.bytedeco.javacpp.maxphysicalbytes"),
        Runtime.getRuntime().maxMemory() / (1024 * 1024),
        System.getenv().getOrDefault("OMP_NUM_THREADS", "unset (one thread per core)"));
  }

  /** Runs the migrations; the schema version is logged from a live probe afterwards. */
  public static int migrate(WorkerConfig config) {
    // Flyway holds one connection for its lock and schema history and migrates on another
    DatabaseSettings settings =
        new DatabaseSettings(
            config.dbUrl(), config.dbUser(), config.dbPassword(), 3, Duration.ofSeconds(30));
    try (HikariDataSource dataSource = PooledDataSources.create(settings, "vorlauf-migrate")) {
      MigrationReport report = Migrations.migrate(dataSource, config.storage());
      try (Connection connection = dataSource.getConnection()) {
        DatabaseStatus status = DatabaseProbe.probe(connection);
        log.info(
            "database {} migrated from version {} to {} ({}); PostgreSQL {}, TimescaleDB {}",
            config.dbUrl(),
            report.schemaVersionBefore() == null ? "none" : report.schemaVersionBefore(),
            status.schemaVersion(),
            report.upToDateAlready() ? "already up to date" : "applied " + report.applied(),
            status.serverVersion(),
            status.timescaleActive() ? status.timescaleVersion() : "not active");
      }
      return 0;
    } catch (Exception e) {
      log.error("migrating {} failed: {}", config.dbUrl(), e.getMessage(), e);
      return 1;
    }
  }

  static int runWorker(WorkerConfig config, BrokerAccessConfig access) {
    if (config.training().training()) {
      offHeapLimits(System.getProperties());
    }
    VorlaufWorker worker;
    try {
      worker = new VorlaufWorker(config);
    } catch (RuntimeException e) {
      log.error("cannot start the worker: {}", e.getMessage(), e);
      return 1;
    }
    // keeps the broker's password and ACL files in sync with the registry (launcher's Mosquitto)
    BrokerAccessLoop sync = access.enabled() ? BrokerAccessLoop.start(access, config) : null;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  worker.stop();
                  if (sync != null) {
                    sync.close();
                  }
                },
                "vorlauf-worker-shutdown"));
    try {
      worker.start();
      worker.awaitStopped();
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      worker.stop();
      return 1;
    } catch (RuntimeException e) {
      log.error("worker failed: {}", e.getMessage(), e);
      worker.stop();
      return 1;
    }
  }
}
