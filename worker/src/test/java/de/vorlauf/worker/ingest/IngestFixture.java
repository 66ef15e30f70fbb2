package de.vorlauf.worker.ingest;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.devstack.broker.BrokerKind;
import de.vorlauf.devstack.broker.BrokerOptions;
import de.vorlauf.devstack.broker.MqttBrokerService;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.devstack.postgres.PostgresOptions;
import de.vorlauf.devstack.postgres.PostgresService;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.ingest.pipeline.IngestSettings;
import de.vorlauf.persistence.Migrations;
import de.vorlauf.persistence.jdbc.DatabaseSettings;
import de.vorlauf.persistence.jdbc.PooledDataSources;
import de.vorlauf.persistence.timeseries.StorageSettings;
import de.vorlauf.persistence.timeseries.WriterSettings;
import de.vorlauf.testsupport.SharedServices;
import de.vorlauf.testsupport.TestNames;
import de.vorlauf.worker.MigratedSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Real PostgreSQL and real Mosquitto for one test class, and ingest services on them: a migrated
 * database of the class's own on the test JVM's shared PostgreSQL and the JVM's shared Mosquitto
 * ({@link #IngestFixture(Class)}), or both of its own ({@link #dedicated}) for a test that stops
 * them. The ingestors' client ids and share groups carry the class's {@link TestNames} prefix:
 * their sessions (shared subscriptions, five minutes' expiry) outlive the class, and in a share
 * group of another class's name they would take that class's messages.
 */
final class IngestFixture implements AutoCloseable {

  final RunningPostgres postgres;
  final RunningBroker broker;
  final HikariDataSource db;
  private final TestNames names;
  private final List<RunningIngest> services = new ArrayList<>();

  /** On the test JVM's shared PostgreSQL (a database of {@code owner}'s own) and Mosquitto. */
  IngestFixture(Class<?> owner) {
    this(
        SharedServices.database(owner, MigratedSchema.class),
        SharedServices.broker(),
        TestNames.of(owner));
  }

  /** PostgreSQL and Mosquitto of its own under {@code dir}, for a test that stops them. */
  static IngestFixture dedicated(Class<?> owner, Path dir) {
    return new IngestFixture(
        PostgresService.start(PostgresOptions.forTest(dir.resolve("pg"))),
        MqttBrokerService.start(BrokerOptions.forTest(dir.resolve("mqtt"), BrokerKind.MOSQUITTO)),
        TestNames.of(owner));
  }

  private IngestFixture(RunningPostgres postgres, RunningBroker broker, TestNames names) {
    this.postgres = postgres;
    this.broker = broker;
    this.names = names;
    db =
        PooledDataSources.create(
            new DatabaseSettings(
                postgres.jdbcUrl(), postgres.user(), postgres.password(), 3, Duration.ofSeconds(5)),
            "it-checks");
    Migrations.migrate(db);
    execute(
        "INSERT INTO buildings (id, name, time_zone, heating_type)"
            + " VALUES ('it-b', 'IT', 'Europe/Berlin', 'gas')");
  }

  void registerDevices(String prefix, int count) {
    for (int i = 0; i < count; i++) {
      execute("INSERT INTO devices (id, building_id) VALUES ('" + prefix + i + "', 'it-b')");
    }
  }

  /**
   * Started ingestion in share group {@code group} with client id {@code clientId}, both prefixed
   * with the class's {@link TestNames#prefix}: the same arguments twice give the same session. A
   * null group: plain subscriptions, which see every device's messages, so only on a broker of the
   * class's own ({@link #dedicated}).
   */
  RunningIngest ingest(String clientId, String group) {
    RunningIngest service =
        RunningIngest.start(
            new WorkerPipeline.Settings(
                new DatabaseSettings(
                    postgres.jdbcUrl(),
                    postgres.user(),
                    postgres.password(),
                    6,
                    Duration.ofSeconds(3)),
                WriterSettings.defaults()
                    .withLinger(Duration.ofMillis(20))
                    .withRetry(Duration.ofMillis(200), Duration.ofSeconds(1))
                    .withCloseTimeout(Duration.ofSeconds(10)),
                IngestSettings.defaults(),
                StorageSettings.defaults()),
            new MqttIngestorSettings(
                broker.url(),
                null,
                null,
                names.prefix() + "-" + clientId,
                group == null ? null : names.prefix() + "-" + group,
                2_000,
                Duration.ofMinutes(5),
                Duration.ofSeconds(10),
                2,
                Duration.ofMillis(500)));
    services.add(service);
    return service;
  }

  /** Waits until the service consumes (subscribed). */
  static void awaitRunning(RunningIngest service) {
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        // subscribed() turns true on the SUBACK that granted the subscriptions: nothing to wait for
        .until(service::subscribed);
  }

  /** Readings per {@link #message}. */
  static final int READINGS = 5;

  /** A full-form message with five readings that carry no time of their own. */
  static String message(String device, Instant time, double value) {
    return ("{\"device_id\":\"%s\",\"timestamp\":\"%s\",\"readings\":["
            + "{\"sensor_id\":\"vorlauf_temp_hk1\",\"value\":%s,\"unit\":\"degC\"},"
            + "{\"sensor_id\":\"ruecklauf_temp_hk1\",\"value\":%s,\"unit\":\"°C\"},"
            + "{\"sensor_id\":\"outdoor_temp\",\"value\":3.5,\"unit\":\"degC\",\"quality\":\"uncertain\"},"
            + "{\"sensor_id\":\"indoor_temp\",\"value\":294.15,\"unit\":\"K\"},"
            + "{\"sensor_id\":\"heat_power\",\"value\":5000,\"unit\":\"W\"}"
            + "],\"metadata\":{\"firmware\":\"1.2.0\"}}")
        .formatted(device, time, value, value - 10);
  }

  long count(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  List<String> strings(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  void execute(String sql) {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops the services a test started (they are idempotent to stop twice). */
  void stopServices() {
    services.forEach(s -> s.stop(Duration.ofSeconds(10)));
    services.clear();
  }

  @Override
  public void close() {
    stopServices();
    db.close();
    broker.close();
    postgres.close();
  }
}
