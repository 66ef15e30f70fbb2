package de.vorlauf.worker.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.devstack.temporal.RunningTemporal;
import de.vorlauf.domain.config.EnvReader;
import de.vorlauf.domain.vendor.VendorIntegrations;
import de.vorlauf.persistence.Migrations;
import de.vorlauf.persistence.jdbc.DatabaseSettings;
import de.vorlauf.persistence.jdbc.PooledDataSources;
import de.vorlauf.simulator.cloud.CloudFaults;
import de.vorlauf.simulator.cloud.CloudServerStats;
import de.vorlauf.testsupport.SharedServices;
import de.vorlauf.testsupport.TestNames;
import de.vorlauf.worker.MigratedSchema;
import de.vorlauf.worker.VorlaufWorker;
import de.vorlauf.worker.config.EnvironmentConfig;
import de.vorlauf.worker.config.MqttIngestConfig;
import de.vorlauf.worker.config.WorkerConfig;
import de.vorlauf.workflows.vendor.IngestionPollingWorkflow;
import de.vorlauf.workflows.vendor.InstallationStatus;
import de.vorlauf.workflows.vendor.PollingLauncher;
import de.vorlauf.workflows.vendor.PollingStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vendor polling end to end: the worker's workflow and activities against the simulated cloud, real
 * PostgreSQL and Temporal (in-JVM server, real gRPC). Every recorded point must be stored exactly
 * once, checked reading by reading against the cloud's truth, also by a worker that consumes no
 * MQTT ({@code VORLAUF_INGEST_ENABLED=false}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VendorPollingIT {

  private RunningPostgres postgres;
  private RunningBroker broker;
  private RunningTemporal temporal;
  private HikariDataSource db;
  private WorkflowServiceStubs stubs;
  private WorkflowClient client;
  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private final TestNames names = TestNames.of(VendorPollingIT.class);
  private MqttIngestConfig mqtt;

  @BeforeAll
  void startServices() {
    // the test JVM's shared PostgreSQL (a migrated database of this class's own), broker and
    // Temporal; the workers' MQTT ingestion gets a share group of this class only, so its session
    // (which outlives the class) never takes messages from a later class's ingestors
    postgres = SharedServices.database(VendorPollingIT.class, MigratedSchema.class);
    broker = SharedServices.broker();
    temporal = SharedServices.temporal();
    mqtt =
        EnvironmentConfig.read(
                Map.of(
                    "VORLAUF_MQTT_SHARE_GROUP",
                    names.prefix(),
                    "VORLAUF_MQTT_SESSION_EXPIRY",
                    "PT5M"))
            .ingest();
    db =
        PooledDataSources.create(
            new DatabaseSettings(
                postgres.jdbcUrl(), postgres.user(), postgres.password(), 3, Duration.ofSeconds(5)),
            "it-checks");
    Migrations.migrate(db);
    execute(
        "INSERT INTO buildings (id, name, time_zone, heating_type)"
            + " VALUES ('it-cloud', 'IT cloud', 'Europe/Berlin', 'gas')");
    for (String device : List.of("vc-4711", "vc-4712", "vc-5711", "vc-5712", "vc-6711")) {
      execute("INSERT INTO devices (id, building_id) VALUES ('" + device + "', 'it-cloud')");
    }
    stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.address()).build());
    client = WorkflowClient.newInstance(stubs);
  }

  @AfterAll
  void stopServices() {
    List<AutoCloseable> reversed = new ArrayList<>(cleanup);
    java.util.Collections.reverse(reversed);
    reversed.forEach(CloudScenario::quietly);
    if (stubs != null) {
      stubs.shutdownNow();
    }
    CloudScenario.quietly(db);
    CloudScenario.quietly(temporal);
    CloudScenario.quietly(broker);
    CloudScenario.quietly(postgres);
  }

  @Test
  void throughRateLimitsErrorsTimeoutsTokenExpiryAndAnOutageEveryPointIsStoredOnce(
      @TempDir Path dir) throws Exception {
    // vc-4713 is not registered: its readings go to the quarantine and still count as handled
    CloudScenario cloud =
        scenario(
            dir,
            "it-faults",
            List.of("4711", "4712", "4713"),
            new CloudFaults(12.0, 6, 0.05, 0.02, Duration.ofSeconds(3), Duration.ofSeconds(3), 7L),
            "P3D");
    cloud.data.advanceTo(cloud.first.plus(Duration.ofHours(2)));
    VorlaufWorker worker = startWorker(cloud, factory -> {});
    try {
      runFaultScenario(cloud);
    } finally {
      stop(worker, cloud);
    }
  }

  private void runFaultScenario(CloudScenario cloud) throws Exception {
    IngestionPollingWorkflow workflow = workflow(cloud);
    Instant now = cloud.first.plus(Duration.ofHours(2));
    Instant end = cloud.last.plusSeconds(60);
    boolean outageDone = false;
    while (now.isBefore(end)) {
      // the cloud's data grows two hours at a time; the next step waits until a polling round has
      // started after this one (it polls the new hours), not for a fixed time
      now = now.plus(Duration.ofHours(2));
      long rounds = rounds(workflow);
      cloud.data.advanceTo(now.isAfter(end) ? end : now);
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(50))
          .ignoreExceptions()
          .until(() -> rounds(workflow) > rounds);
      if (!outageDone && now.isAfter(cloud.first.plus(Duration.ofHours(12)))) {
        // ten minutes of simulated time in which every request is refused
        cloud.server.outage(true);
        cloud.data.advanceTo(now.plus(Duration.ofMinutes(5)));
        // the poller has to run into the outage, at both data points, before it ends
        long refusedBefore = cloud.server.stats().outageRefusals();
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> cloud.server.stats().outageRefusals() > refusedBefore);
        now = now.plus(Duration.ofMinutes(10));
        cloud.data.advanceTo(now);
        long refusedLater = cloud.server.stats().outageRefusals();
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> cloud.server.stats().outageRefusals() > refusedLater);
        cloud.server.outage(false);
        outageDone = true;
      }
    }

    PollingStatus status = awaitCursors(cloud, cloud.last, Duration.ofMinutes(4));
    CloudServerStats stats = cloud.server.stats();
    assertThat(stats.rateLimited()).as("429s").isPositive();
    assertThat(stats.serverErrors()).as("5xx").isPositive();
    assertThat(stats.timeouts()).as("timeouts").isPositive();
    assertThat(stats.outageRefusals()).as("outage 503s").isPositive();
    assertThat(stats.tokensIssued()).as("tokens renewed after expiry").isGreaterThan(2);

    for (String installation : List.of("4711", "4712")) {
      Map<String, Double> truth = cloud.truth(installation);
      assertStoredExactly("vc-" + installation, truth);
      InstallationStatus s = installation(status, installation);
      assertThat(s.readingsStored()).isEqualTo(truth.size());
      assertThat(s.quarantined()).isZero();
    }
    InstallationStatus unknown = installation(status, "4713");
    assertThat(unknown.quarantined()).isEqualTo(cloud.truth("4713").size());
    assertThat(unknown.readingsStored()).isZero();
    assertThat(count("SELECT count(*) FROM sensor_readings WHERE device_id = 'vc-4713'")).isZero();
    assertThat(
            count(
                "SELECT count(*) FROM quarantine WHERE device_id = 'vc-4713'"
                    + " AND reason = 'unknown_device' AND source = 'vendor'"))
        .isPositive();
  }

  @Test
  void aWorkerKilledDuringPollingIsReplacedAndTheNewOneResumesFromTheCursor(@TempDir Path dir)
      throws Exception {
    // a rate limit slows the backfill down so the kill lands while polls are running: the cursor
    // starts an hour before the data, so the first of three windows per installation commits
    // within seconds, and the other two (14 requests at 6 a second) are still to come at the kill
    CloudScenario cloud =
        scenario(
            dir,
            "it-restart",
            List.of("5711", "5712"),
            new CloudFaults(6.0, 2, 0.0, 0.0, Duration.ZERO, Duration.ofMinutes(10), 3L),
            "P2DT1H");
    cloud.data.advanceTo(cloud.last.plusSeconds(60));
    AtomicReference<WorkerFactory> factory = new AtomicReference<>();
    VorlaufWorker first = startWorker(cloud, factory::set);

    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> count("SELECT count(*) FROM sensor_readings WHERE device_id = 'vc-5711'") > 0);
    long storedAtKill = count("SELECT count(*) FROM sensor_readings WHERE device_id LIKE 'vc-57%'");
    // abrupt: in-flight activities are interrupted, nothing is drained
    factory.get().shutdownNow();
    first.stop();
    assertThat(storedAtKill).isLessThan(2L * cloud.truth("5711").size());

    VorlaufWorker second = startWorker(cloud, f -> {});
    try {
      PollingStatus status = awaitCursors(cloud, cloud.last, Duration.ofMinutes(5));
      for (String installation : cloud.installations) {
        assertStoredExactly("vc-" + installation, cloud.truth(installation));
        InstallationStatus s = installation(status, installation);
        assertThat(s.state()).isEqualTo(InstallationStatus.OK);
      }
    } finally {
      stop(second, cloud);
    }
  }

  @Test
  void pollsAndStoresWhileThisWorkerConsumesNoMqtt(@TempDir Path dir) throws Exception {
    // the pipeline belongs to the worker process, not to its MQTT ingestion
    MqttIngestConfig mqttOff =
        EnvironmentConfig.read(Map.of("VORLAUF_INGEST_ENABLED", "false")).ingest();
    assertThat(mqttOff.enabled()).isFalse();
    CloudScenario cloud = scenario(dir, "it-no-mqtt", List.of("6711"), CloudFaults.none(), "P3D");
    cloud.data.advanceTo(cloud.last.plusSeconds(60));
    VorlaufWorker worker = startWorker(cloud, factory -> {}, mqttOff);
    try {
      assertThat(worker.mqttIngestion()).isNull();
      PollingStatus status = awaitCursors(cloud, cloud.last, Duration.ofMinutes(3));
      Map<String, Double> truth = cloud.truth("6711");
      assertStoredExactly("vc-6711", truth);
      assertThat(installation(status, "6711").readingsStored()).isEqualTo(truth.size());
      // /health keeps its shape: no ingest block while no MQTT ingestion runs
      String health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + worker.healthPort() + "/health"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(health).contains("\"status\":\"UP\"").doesNotContain("\"ingest\"");
    } finally {
      stop(worker, cloud);
    }
  }

  private CloudScenario scenario(
      Path dir, String id, List<String> installations, CloudFaults faults, String lookback)
      throws Exception {
    CloudScenario cloud = new CloudScenario(dir, id, installations, faults, lookback);
    cleanup.add(cloud);
    return cloud;
  }

  private VorlaufWorker startWorker(
      CloudScenario cloud, java.util.function.Consumer<WorkerFactory> registrations)
      throws InterruptedException {
    return startWorker(cloud, registrations, mqtt);
  }

  private VorlaufWorker startWorker(
      CloudScenario cloud,
      java.util.function.Consumer<WorkerFactory> registrations,
      MqttIngestConfig mqtt)
      throws InterruptedException {
    EnvReader env =
        new EnvReader(Map.of(VendorEnvironment.FILE, cloud.integrationsFile.toString()));
    VendorIntegrations integrations = VendorEnvironment.read(env);
    assertThat(env.problems()).isEmpty();
    WorkerConfig config =
        WorkerConfig.builder()
            .dbUrl(postgres.jdbcUrl())
            .dbUser(postgres.user())
            .dbPassword(postgres.password())
            .mqttUrl(broker.url())
            .temporalAddress(temporal.address())
            .healthPort(0)
            .shutdownGrace(Duration.ofSeconds(5))
            .vendorIntegrations(integrations)
            .ingest(mqtt)
            .build();
    VorlaufWorker worker = new VorlaufWorker(config, registrations);
    cleanup.add(worker);
    worker.start();
    return worker;
  }

  private IngestionPollingWorkflow workflow(CloudScenario cloud) {
    return client.newWorkflowStub(
        IngestionPollingWorkflow.class, PollingLauncher.workflowId(cloud.integrationId));
  }

  /** Polling rounds started so far (0 while the workflow does not answer yet). */
  private static long rounds(IngestionPollingWorkflow workflow) {
    try {
      return workflow.status().rounds();
    } catch (RuntimeException notYetRunning) {
      return 0;
    }
  }

  /**
   * Waits until every installation has been seen at {@code last} with no poll of it in flight (its
   * data all stored: the cursor moves only after a window is stored), and returns the status of
   * then. Each installation on its own: a slow poll of one overlaps the next round's poll of the
   * other, so an instant with both idle may not come for many rounds.
   */
  private PollingStatus awaitCursors(CloudScenario cloud, Instant last, Duration atMost) {
    IngestionPollingWorkflow workflow = workflow(cloud);
    AtomicReference<PollingStatus> seen = new AtomicReference<>();
    java.util.Set<String> done = new java.util.HashSet<>();
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(
            () -> {
              PollingStatus status = workflow.status();
              seen.set(status);
              status.installations().stream()
                  .filter(i -> last.equals(i.cursor()) && !i.polling())
                  .forEach(i -> done.add(i.installationId()));
              return done.containsAll(cloud.installations);
            });
    return seen.get();
  }

  /** Ends the test's workflow for good, so the next test's worker never sees its tasks. */
  private void stop(VorlaufWorker worker, CloudScenario cloud) {
    try {
      client
          .newUntypedWorkflowStub(
              PollingLauncher.workflowId(cloud.integrationId),
              java.util.Optional.empty(),
              java.util.Optional.empty())
          .terminate("test over");
    } catch (RuntimeException alreadyClosed) {
      // nothing to end
    }
    worker.stop();
  }

  private static InstallationStatus installation(PollingStatus status, String id) {
    return status.installations().stream()
        .filter(i -> i.installationId().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private void assertStoredExactly(String deviceId, Map<String, Double> truth) throws SQLException {
    Map<String, Double> stored = new HashMap<>();
    int rows = 0;
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT time, sensor_id, value FROM sensor_readings WHERE device_id = ?")) {
      s.setString(1, deviceId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows++;
          stored.put(
              rs.getObject(1, OffsetDateTime.class).toInstant() + " " + rs.getString(2),
              rs.getDouble(3));
        }
      }
    }
    assertThat(rows).as("rows of %s", deviceId).isEqualTo(truth.size());
    assertThat(stored.keySet()).as("readings of %s", deviceId).isEqualTo(truth.keySet());
    for (Map.Entry<String, Double> expected : truth.entrySet()) {
      assertThat(stored.get(expected.getKey()))
          .as("%s %s", deviceId, expected.getKey())
          .isCloseTo(expected.getValue(), org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void execute(String sql) {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
