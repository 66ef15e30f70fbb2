package de.vorlauf.worker.fleet;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.devstack.broker.BrokerAccessControl;
import de.vorlauf.devstack.broker.BrokerKind;
import de.vorlauf.devstack.broker.BrokerOptions;
import de.vorlauf.devstack.broker.MqttBrokerService;
import de.vorlauf.devstack.broker.MqttLogin;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.devstack.service.Secrets;
import de.vorlauf.ingest.pipeline.IngestSettings;
import de.vorlauf.persistence.Migrations;
import de.vorlauf.persistence.jdbc.DatabaseSettings;
import de.vorlauf.persistence.jdbc.PooledDataSources;
import de.vorlauf.persistence.timeseries.StorageSettings;
import de.vorlauf.persistence.timeseries.WriterSettings;
import de.vorlauf.simulator.provision.CredentialStore;
import de.vorlauf.simulator.provision.FleetProvisioning;
import de.vorlauf.simulator.runtime.FleetLayout;
import de.vorlauf.simulator.runtime.FleetProvisioningPlan;
import de.vorlauf.simulator.runtime.GroundTruthLedger;
import de.vorlauf.simulator.runtime.SimulatorSettings;
import de.vorlauf.testsupport.SharedServices;
import de.vorlauf.worker.MigratedSchema;
import de.vorlauf.worker.brokeraccess.BrokerAccessConfig;
import de.vorlauf.worker.brokeraccess.BrokerAccessLoop;
import de.vorlauf.worker.config.WorkerConfig;
import de.vorlauf.worker.ingest.MqttIngestorSettings;
import de.vorlauf.worker.ingest.RunningIngest;
import de.vorlauf.worker.ingest.WorkerPipeline;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The platform as the launcher runs it, for the fleet ITs: real PostgreSQL (migrated), a Mosquitto
 * that lets in only the worker's service login and what the registry allows (the worker's broker
 * access sync writes its password and ACL files and signals it), and the worker's MQTT ingestion.
 */
final class FleetFixture implements AutoCloseable {

  static final MqttLogin WORKER = new MqttLogin("vorlauf-worker", Secrets.generatePassword(24));

  final RunningPostgres postgres;
  final HikariDataSource db;
  final RunningBroker broker;
  final BrokerAccessLoop sync;
  private RunningIngest ingest;

  FleetFixture(Path dir) {
    postgres = SharedServices.database(FleetFixture.class, MigratedSchema.class);
    db =
        PooledDataSources.create(
            new DatabaseSettings(
                postgres.jdbcUrl(),
                postgres.user(),
                postgres.password(),
                4,
                Duration.ofSeconds(10)),
            "fleet-it");
    Migrations.migrate(db);
    broker =
        MqttBrokerService.start(
            BrokerOptions.forTest(dir.resolve("mqtt"), BrokerKind.MOSQUITTO)
                .withServiceLogins(List.of(WORKER)));
    BrokerAccessControl access = broker.accessControl().orElseThrow();
    WorkerConfig worker =
        WorkerConfig.builder()
            .dbUrl(postgres.jdbcUrl())
            .dbUser(postgres.user())
            .dbPassword(postgres.password())
            .mqttUrl(broker.url())
            .build();
    sync =
        BrokerAccessLoop.start(
            new BrokerAccessConfig(access.dir(), null, Duration.ofSeconds(2), access.pidFile()),
            worker);
  }

  /** The simulator's fleet in the registry, and its broker logins in force. */
  void provision(SimulatorSettings settings) {
    FleetProvisioning.provision(
        FleetProvisioningPlan.of(FleetLayout.plan(settings)),
        new JdbcProvisioner(db),
        CredentialStore.open(settings.stateDir()),
        2);
    if (!sync.syncOnce()) {
      throw new IllegalStateException("the broker access export failed");
    }
  }

  /** The worker's MQTT ingestion, as the worker configures it, logged in as the worker. */
  RunningIngest startIngest(String clientId) {
    ingest =
        RunningIngest.start(
            new WorkerPipeline.Settings(
                new DatabaseSettings(
                    postgres.jdbcUrl(),
                    postgres.user(),
                    postgres.password(),
                    6,
                    Duration.ofSeconds(5)),
                WriterSettings.defaults()
                    .withLinger(Duration.ofMillis(50))
                    .withCloseTimeout(Duration.ofSeconds(20)),
                IngestSettings.defaults(),
                StorageSettings.defaults()),
            new MqttIngestorSettings(
                broker.url(),
                WORKER.user(),
                WORKER.password(),
                clientId,
                "vorlauf-ingest",
                2_000,
                Duration.ofMinutes(10),
                Duration.ofSeconds(10),
                2,
                Duration.ofMillis(500)));
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> ingest.ingestor() != null && ingest.ingestor().stats().connected());
    return ingest;
  }

  /** Stored readings per "device sensor" of the devices starting with {@code prefix}. */
  Map<String, Long> storedPerSensor(String prefix) {
    return grouped(
        "SELECT device_id || ' ' || sensor_id, count(*) FROM sensor_readings"
            + " WHERE device_id LIKE ? GROUP BY 1",
        prefix + "%");
  }

  /** Quarantine entries per "device reason". */
  Map<String, Long> quarantinedPerReason(String prefix) {
    return grouped(
        "SELECT device_id || ' ' || reason, count(*) FROM quarantine WHERE device_id LIKE ?"
            + " GROUP BY 1",
        prefix + "%");
  }

  long count(String sql, Object... args) {
    Map<String, Long> one = grouped("SELECT 'n', (" + sql + ")", args);
    return one.getOrDefault("n", 0L);
  }

  private Map<String, Long> grouped(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      Map<String, Long> result = new TreeMap<>();
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          result.put(rows.getString(1), rows.getLong(2));
        }
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the ledger says the database must hold per "device sensor" (zeros left out). */
  static Map<String, Long> expectedStored(GroundTruthLedger ledger) {
    Map<String, Long> expected = new TreeMap<>();
    ledger
        .snapshot()
        .forEach(
            (device, count) ->
                count
                    .sensors()
                    .forEach(
                        (sensor, c) -> {
                          if (c.expectedStored() > 0) {
                            expected.put(device + " " + sensor, c.expectedStored());
                          }
                        }));
    return expected;
  }

  /** What the ledger says the quarantine must hold per "device reason". */
  static Map<String, Long> expectedQuarantine(GroundTruthLedger ledger) {
    Map<String, Long> expected = new TreeMap<>();
    ledger
        .snapshot()
        .forEach(
            (device, count) -> {
              if (count.malformedMessages() > 0) {
                expected.put(device + " malformed_json", count.malformedMessages());
              }
              count
                  .sensors()
                  .values()
                  .forEach(
                      c ->
                          c.quarantined()
                              .forEach(
                                  (reason, n) ->
                                      expected.merge(device + " " + reason, n, Long::sum)));
            });
    return expected;
  }

  @Override
  public void close() {
    if (ingest != null) {
      ingest.stop(Duration.ofSeconds(20));
    }
    sync.close();
    broker.close();
    db.close();
    postgres.close();
  }
}
