package de.vorlauf.bench;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.devstack.broker.BrokerKind;
import de.vorlauf.devstack.broker.BrokerOptions;
import de.vorlauf.devstack.broker.MqttBrokerService;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.devstack.postgres.PostgresOptions;
import de.vorlauf.devstack.postgres.PostgresService;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.devstack.process.JavaProcess;
import de.vorlauf.devstack.process.JavaProcessOptions;
import de.vorlauf.devstack.service.FreePorts;
import de.vorlauf.devstack.service.StateDir;
import de.vorlauf.devstack.temporal.RunningTemporal;
import de.vorlauf.devstack.temporal.TemporalKind;
import de.vorlauf.devstack.temporal.TemporalOptions;
import de.vorlauf.devstack.temporal.TemporalService;
import de.vorlauf.domain.config.DatabaseVars;
import de.vorlauf.domain.config.IngestVars;
import de.vorlauf.domain.config.MqttVars;
import de.vorlauf.domain.config.TemporalVars;
import de.vorlauf.domain.config.WorkerVars;
import de.vorlauf.persistence.Migrations;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The services of the benchmark, each its own process as in production: PostgreSQL, the broker
 * (Mosquitto, or the embedded HiveMQ in a JVM of its own), the Temporal dev server and the worker
 * jar, all started through the project's service code on free ports in a state folder of the run's
 * own.
 */
final class BenchStack implements AutoCloseable {

  final RunningPostgres postgres;
  final RunningBroker broker;
  final RunningTemporal temporal;
  final JavaProcess worker;
  final HikariDataSource app;
  final Path workerPidFile;
  final StateDir postgresState;
  final Path dir;

  private BenchStack(
      RunningPostgres postgres,
      RunningBroker broker,
      RunningTemporal temporal,
      JavaProcess worker,
      HikariDataSource app,
      Path workerPidFile,
      StateDir postgresState,
      Path dir) {
    this.dir = dir;
    this.postgres = postgres;
    this.broker = broker;
    this.temporal = temporal;
    this.worker = worker;
    this.app = app;
    this.workerPidFile = workerPidFile;
    this.postgresState = postgresState;
  }

  static BenchStack start(BenchConfig config, BrokerKind brokerKind) throws Exception {
    Path dir = config.stateDir(brokerKind);
    Files.createDirectories(dir.resolve("logs"));
    StateDir postgresState = new StateDir(dir.resolve("postgres"));
    RunningPostgres postgres = PostgresService.start(PostgresOptions.forTest(postgresState.root()));
    RunningBroker broker =
        brokerKind == BrokerKind.HIVEMQ
            ? EmbeddedBrokerProcess.start(dir.resolve("mqtt"), dir.resolve("logs/hivemq.log"))
            : MqttBrokerService.start(
                BrokerOptions.forTest(dir.resolve("mqtt"), BrokerKind.MOSQUITTO));
    RunningTemporal temporal =
        TemporalService.start(
            TemporalOptions.forTest(dir.resolve("temporal"), TemporalKind.CLI_DEV_SERVER));
    HikariDataSource app = new HikariDataSource();
    app.setJdbcUrl(postgres.jdbcUrl());
    app.setUsername(postgres.user());
    app.setPassword(postgres.password());
    app.setMaximumPoolSize(4);
    Migrations.migrate(app);
    int health = FreePorts.find();
    Path pidFile = dir.resolve("worker.pid");
    JavaProcess worker =
        JavaProcess.start(
            new JavaProcessOptions(
                "worker",
                config.workerJar(),
                List.of("run"),
                config.workerHeap(),
                workerEnv(
                    DatabaseVars.URL.name(), postgres.jdbcUrl(),
                    DatabaseVars.USER.name(), postgres.user(),
                    DatabaseVars.PASSWORD.name(), postgres.password(),
                    MqttVars.URL.name(), broker.url(),
                    TemporalVars.ADDRESS.name(), temporal.address(),
                    WorkerVars.HEALTH_PORT.name(), Integer.toString(health),
                    IngestVars.MQTT_CLIENT_ID.name(), "vorlauf-bench-worker",
                    IngestVars.SHARE_GROUP.name(), config.shareGroup()),
                dir,
                dir.resolve("logs/worker.log"),
                pidFile,
                URI.create("http://127.0.0.1:" + health + "/health"),
                Duration.ofMinutes(2),
                Duration.ofSeconds(30)));
    awaitSubscribed(URI.create("http://127.0.0.1:" + health + "/health"));
    return new BenchStack(postgres, broker, temporal, worker, app, pidFile, postgresState, dir);
  }

  /**
   * Waits until the worker's health says its subscriptions are granted: messages published before
   * that reach no one (a fresh broker has no session for the worker yet), so the clock must not
   * start earlier.
   */
  private static void awaitSubscribed(URI health) {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        String body =
            http.send(
                    java.net.http.HttpRequest.newBuilder(health).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
        if (body.contains("\"subscribed\":true")) {
          return;
        }
        Thread.sleep(100);
      } catch (java.io.IOException e) {
        // not answering yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the worker", e);
      }
    }
    throw new IllegalStateException("the worker did not subscribe within a minute: " + health);
  }

  /**
   * The worker's environment; {@code -Dbench.workerJfr=FILE} adds a Java Flight Recording of the
   * worker, to see where its CPU goes, {@code -Dbench.workerJvmOptions="…"} JVM options to try.
   */
  private static Map<String, String> workerEnv(String... keyValues) {
    Map<String, String> env = new java.util.HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      env.put(keyValues[i], keyValues[i + 1]);
    }
    String options = System.getProperty("bench.workerJvmOptions", "");
    String jfr = System.getProperty("bench.workerJfr");
    if (jfr != null) {
      options += " -XX:StartFlightRecording=settings=profile,filename=" + jfr;
    }
    if (!options.isBlank()) {
      env.put("JAVA_TOOL_OPTIONS", options.strip());
    }
    return env;
  }

  /** One building per device, every device active. */
  void register(int devices) throws SQLException {
    try (Connection c = app.getConnection();
        PreparedStatement building =
            c.prepareStatement(
                "INSERT INTO buildings (id, name, time_zone, heating_type)"
                    + " VALUES (?, ?, 'Europe/Berlin', 'gas') ON CONFLICT DO NOTHING");
        PreparedStatement device =
            c.prepareStatement(
                "INSERT INTO devices (id, building_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
      for (int i = 0; i < devices; i++) {
        String id = MessagePlan.deviceId(i);
        building.setString(1, "building-" + id);
        building.setString(2, "Bench building " + i);
        building.addBatch();
        device.setString(1, id);
        device.setString(2, "building-" + id);
        device.addBatch();
      }
      building.executeBatch();
      device.executeBatch();
    }
  }

  /** A connection as the server's superuser, for server-side COPY of files. */
  Connection superuser() throws Exception {
    Path secret = postgresState.secret("db-superuser-password");
    return java.sql.DriverManager.getConnection(
        postgres.jdbcUrl(), "postgres", Files.readString(secret).strip());
  }

  @Override
  public void close() {
    worker.close();
    app.close();
    temporal.close();
    broker.close();
    postgres.close();
  }
}
