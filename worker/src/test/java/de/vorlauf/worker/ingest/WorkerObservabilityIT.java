package de.vorlauf.worker.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.vorlauf.activities.selfcheck.IngestionProbe;
import de.vorlauf.devstack.temporal.RunningTemporal;
import de.vorlauf.ingest.progress.IngestProgressCheck;
import de.vorlauf.ingest.progress.IngestionThresholds;
import de.vorlauf.persistence.ingest.IngestProgressStore;
import de.vorlauf.testsupport.SharedServices;
import de.vorlauf.testsupport.TestNames;
import de.vorlauf.testsupport.metrics.MetricsCatalogue;
import de.vorlauf.testsupport.metrics.Scrape;
import de.vorlauf.worker.VorlaufWorker;
import de.vorlauf.worker.config.EnvironmentConfig;
import de.vorlauf.worker.config.HealthConfig;
import de.vorlauf.worker.config.MqttIngestConfig;
import de.vorlauf.worker.config.WorkerConfig;
import de.vorlauf.workflows.TaskQueues;
import de.vorlauf.workflows.selfcheck.PlatformSelfCheckWorkflow;
import de.vorlauf.workflows.selfcheck.ProbeResult;
import de.vorlauf.workflows.selfcheck.SelfCheckReport;
import de.vorlauf.workflows.selfcheck.SelfCheckRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker's operations endpoints against real services: after a small end-to-end run the scrape
 * moved by exactly what was published; every metric the Grafana dashboard names is on it; readiness
 * goes down, naming the database, while PostgreSQL is stopped, and up again after.
 */
class WorkerObservabilityIT {

  private static final TestNames NAMES = TestNames.of(WorkerObservabilityIT.class);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Short, so the stall test waits seconds, not the default minute. */
  private static final Duration STALL = Duration.ofSeconds(2);

  @TempDir Path dir;

  @Test
  void scrapeCountsWhatWasPublishedAndCarriesTheDashboardsMetrics() throws Exception {
    try (IngestFixture fx = new IngestFixture(WorkerObservabilityIT.class);
        VorlaufWorker worker = startWorker(fx, "scrape")) {
      fx.registerDevices("obs-", 2);
      URI metrics = uri(worker, "/metrics");
      awaitReady(worker);
      Scrape before = Scrape.of(metrics);

      int messages = 12;
      int malformed = 3;
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      try (TestPublisher publisher = new TestPublisher(fx.broker.url())) {
        for (int i = 0; i < messages; i++) {
          String device = "obs-" + (i % 2);
          publisher.publish(
              "greenbox/" + device + "/sensors",
              IngestFixture.message(device, now.minusSeconds(messages - i), 40 + i));
        }
        for (int i = 0; i < malformed; i++) {
          publisher.publish("greenbox/obs-0/sensors", "{\"device_id\": \"obs-0\", oops " + i);
        }
      }
      int readings = messages * IngestFixture.READINGS;
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  fx.count("SELECT count(*) FROM sensor_readings WHERE device_id LIKE 'obs-%'")
                          == readings
                      && Scrape.of(metrics)
                              .value("vorlauf_mqtt_messages_acknowledged_total{lane=\"live\"}")
                          >= before.value("vorlauf_mqtt_messages_acknowledged_total{lane=\"live\"}")
                              + messages
                              + malformed);
      Scrape after = Scrape.of(metrics);

      assertThat(delta(before, after, "vorlauf_ingest_readings_stored_total")).isEqualTo(readings);
      assertThat(
              delta(before, after, "vorlauf_ingest_quarantined_total{reason=\"malformed_json\"}"))
          .isEqualTo(malformed);
      assertThat(delta(before, after, "vorlauf_ingest_messages_total"))
          .isEqualTo(messages + malformed);
      assertThat(delta(before, after, "vorlauf_mqtt_messages_received_total{lane=\"live\"}"))
          .isEqualTo(messages + malformed);
      assertThat(after.value("vorlauf_mqtt_in_flight_messages{lane=\"live\"}")).isZero();
      assertThat(after.value("vorlauf_mqtt_subscribed{lane=\"backlog\"}")).isEqualTo(1);
      assertThat(delta(before, after, "vorlauf_ingest_batch_rows_total{lane=\"live\"}"))
          .isEqualTo(readings);
      assertThat(delta(before, after, "vorlauf_ingest_batch_commit_seconds_count{lane=\"live\"}"))
          .isPositive();
      // published with readings a few seconds old: the lag is their age at commit
      assertThat(after.value("vorlauf_ingest_lag_seconds{lane=\"live\"}")).isBetween(0.0, 60.0);

      // a workflow with activities through this worker, so the SDK has task latencies to report
      runSelfCheck();

      // every metric the dashboard shows is documented and, unless documented as appearing only
      // later (a vendor poll, a failure), on the scrape; Temporal's arrive with the SDK's report
      MetricsCatalogue catalogue = MetricsCatalogue.load();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                Set<String> missing = new TreeSet<>(catalogue.dashboardMetrics());
                missing.removeAll(Scrape.of(metrics).names());
                missing.removeAll(catalogue.conditionalOrWildfly());
                assertThat(missing).as("dashboard metrics not on the worker's scrape").isEmpty();
              });
    }
  }

  @Test
  void aTrainingOnlyWorkerIsReadyWithoutAnyOfIngestionsMachinery() throws Exception {
    try (IngestFixture fx = new IngestFixture(WorkerObservabilityIT.class);
        VorlaufWorker worker =
            startWorker(
                fx,
                "training",
                HealthConfig.defaults().ackStallAfter(),
                Map.of("VORLAUF_WORKER_TRAINING", "only", "VORLAUF_INGEST_ENABLED", "false"))) {
      awaitReady(worker);
      assertThat(get(worker, "/health/ready").body()).doesNotContain("ingestion");
      assertThat(worker.status().taskQueues()).containsExactly(TaskQueues.TRAINING);
      assertThat(worker.pipeline()).as("no ingest pipeline on a training worker").isNull();
      assertThat(Scrape.of(uri(worker, "/metrics")).names())
          .doesNotContain("vorlauf_devices")
          .contains("vorlauf_ingest_lag_seconds");
    }
  }

  @Test
  void readinessNamesTheDatabaseWhilePostgresIsStopped() throws Exception {
    try (IngestFixture fx = IngestFixture.dedicated(WorkerObservabilityIT.class, dir);
        VorlaufWorker worker = startWorker(fx, "ready")) {
      awaitReady(worker);
      assertThat(get(worker, "/health/live").statusCode()).isEqualTo(200);

      fx.postgres.stop();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                HttpResponse<String> ready = get(worker, "/health/ready");
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body())
                    .contains("\"name\":\"database\",\"up\":false")
                    .contains("\"name\":\"temporal\",\"up\":true")
                    .contains("\"name\":\"broker\",\"up\":true");
              });
      // not a reason to restart the worker: it waits for the database
      assertThat(get(worker, "/health/live").statusCode()).isEqualTo(200);

      fx.postgres.start();
      awaitReady(worker);
    }
  }

  @Test
  void readinessAndTheSelfCheckNameTheStallWhileCommitsAreBlocked() throws Exception {
    try (IngestFixture fx = new IngestFixture(WorkerObservabilityIT.class);
        VorlaufWorker worker = startWorker(fx, "stall", STALL)) {
      fx.registerDevices("stall-", 1);
      awaitReady(worker);
      int messages = 3;
      try (Connection blocker =
          DriverManager.getConnection(
              fx.postgres.jdbcUrl(), fx.postgres.user(), fx.postgres.password())) {
        // a real stall: the writer's COPY waits for this lock, nothing commits, nothing is acked
        blocker.setAutoCommit(false);
        try (Statement lock = blocker.createStatement()) {
          lock.execute("LOCK TABLE readings IN ACCESS EXCLUSIVE MODE");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (TestPublisher publisher = new TestPublisher(fx.broker.url())) {
          for (int i = 0; i < messages; i++) {
            publisher.publish(
                "greenbox/stall-0/sensors",
                IngestFixture.message("stall-0", now.minusSeconds(messages - i), 40 + i));
          }
        }
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () -> {
                  HttpResponse<String> ready = get(worker, "/health/ready");
                  assertThat(ready.statusCode()).isEqualTo(503);
                  assertThat(ready.body())
                      .contains("\"name\":\"ingestion\",\"up\":false")
                      .contains("live lane: " + messages + " messages in flight, none acknowledged")
                      .contains("\"name\":\"database\",\"up\":true");
                });
        // the self-check's probe reads what the worker published, as on any other worker
        IngestionProbe probe =
            new IngestionProbe(
                new IngestProgressStore(fx.db)::since,
                new IngestProgressCheck(IngestionThresholds.defaults().withStallMax(STALL)),
                Clock.systemUTC());
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () -> {
                  ProbeResult result = probe.run();
                  assertThat(result.ok()).as(result.detail()).isFalse();
                  assertThat(result.detail())
                      .startsWith("ingestion behind: live lane ")
                      .contains(messages + " messages in flight, none acknowledged for ");
                });
        blocker.rollback();
      }
      awaitReady(worker);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  fx.count("SELECT count(*) FROM sensor_readings WHERE device_id = 'stall-0'")
                      == messages * IngestFixture.READINGS);
    }
  }

  private static void runSelfCheck() {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(SharedServices.temporal().address())
                .build());
    try {
      SelfCheckReport report =
          WorkflowClient.newInstance(stubs)
              .newWorkflowStub(
                  PlatformSelfCheckWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setTaskQueue(TaskQueues.PLATFORM)
                      .setWorkflowId(NAMES.prefix() + "-self-check")
                      .setWorkflowRunTimeout(Duration.ofMinutes(2))
                      .build())
              .run(new SelfCheckRequest("WorkerObservabilityIT"));
      assertThat(report.probes()).isNotEmpty();
    } finally {
      stubs.shutdownNow();
    }
  }

  private static VorlaufWorker startWorker(IngestFixture fx, String name) throws Exception {
    return startWorker(fx, name, HealthConfig.defaults().ackStallAfter());
  }

  private static VorlaufWorker startWorker(IngestFixture fx, String name, Duration ackStall)
      throws Exception {
    return startWorker(fx, name, ackStall, Map.of());
  }

  private static VorlaufWorker startWorker(
      IngestFixture fx, String name, Duration ackStall, Map<String, String> env) throws Exception {
    RunningTemporal temporal = SharedServices.temporal();
    Map<String, String> vars = new HashMap<>(env);
    vars.put("VORLAUF_MQTT_SHARE_GROUP", NAMES.prefix() + "-" + name);
    vars.put("VORLAUF_MQTT_SESSION_EXPIRY", "PT5M");
    WorkerConfig read = EnvironmentConfig.read(vars);
    MqttIngestConfig mqtt = read.ingest().withClientId(NAMES.prefix() + "-" + name);
    WorkerConfig config =
        WorkerConfig.builder()
            .training(read.training())
            .dbUrl(fx.postgres.jdbcUrl())
            .dbUser(fx.postgres.user())
            .dbPassword(fx.postgres.password())
            .mqttUrl(fx.broker.url())
            .temporalAddress(temporal.address())
            .healthPort(0)
            .health(HealthConfig.defaults().withAckStallAfter(ackStall))
            .shutdownGrace(Duration.ofSeconds(5))
            .ingest(mqtt)
            .build();
    VorlaufWorker worker = new VorlaufWorker(config);
    worker.start();
    return worker;
  }

  private static void awaitReady(VorlaufWorker worker) {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              HttpResponse<String> ready = get(worker, "/health/ready");
              assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            });
  }

  private static double delta(Scrape before, Scrape after, String series) {
    return after.value(series) - before.value(series);
  }

  private static URI uri(VorlaufWorker worker, String path) {
    return URI.create("http://127.0.0.1:" + worker.healthPort() + path);
  }

  private static HttpResponse<String> get(VorlaufWorker worker, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(worker, path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
