package de.vorlauf.worker.it;

import static de.vorlauf.worker.it.SelfCheckAssertions.assertAllProbesPassed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.vorlauf.devstack.broker.BrokerKind;
import de.vorlauf.devstack.broker.BrokerOptions;
import de.vorlauf.devstack.broker.MqttBrokerService;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.devstack.postgres.PostgresOptions;
import de.vorlauf.devstack.postgres.PostgresService;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.devstack.service.RunningService;
import de.vorlauf.devstack.temporal.RunningTemporal;
import de.vorlauf.devstack.temporal.TemporalKind;
import de.vorlauf.devstack.temporal.TemporalOptions;
import de.vorlauf.devstack.temporal.TemporalService;
import de.vorlauf.domain.schedule.ScheduleOverrides;
import de.vorlauf.worker.VorlaufWorker;
import de.vorlauf.worker.config.ScheduleSettings;
import de.vorlauf.worker.config.WorkerConfig;
import de.vorlauf.workflows.schedule.VorlaufSchedules;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-check end to end: PostgreSQL, a broker and a Temporal server of the kinds a subclass
 * names, migrations, the worker in this JVM, one self-check through a WorkflowClient.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SelfCheckScenario {

  /** The broker this scenario runs against. */
  abstract BrokerKind brokerKind();

  /** The Temporal server this scenario runs against. */
  abstract TemporalKind temporalKind();

  /** Words the broker's label must contain. */
  abstract String brokerLabel();

  /** How the worker's health endpoint names the Temporal server. */
  abstract String temporalServerName();

  private RunningPostgres postgres;
  private RunningBroker broker;
  private RunningTemporal temporal;
  private VorlaufWorker worker;
  private SelfCheckClient client;

  @BeforeAll
  void startServicesMigrateAndStartTheWorker(@TempDir Path dir) throws Exception {
    postgres = PostgresService.start(PostgresOptions.forTest(dir.resolve("postgres")));
    broker = MqttBrokerService.start(BrokerOptions.forTest(dir.resolve("mqtt"), brokerKind()));
    temporal =
        TemporalService.start(TemporalOptions.forTest(dir.resolve("temporal"), temporalKind()));
    WorkerConfig config =
        Services.workerConfig(postgres, broker, temporal).toBuilder()
            // the platform's own declarations, as a real worker has them: its own Temporal server
            .schedules(ScheduleSettings.declared(ScheduleOverrides.none()))
            .build();
    assertThat(Services.migrate(config)).as("migrate exit code").isZero();
    worker = new VorlaufWorker(config);
    worker.start();
    client = new SelfCheckClient(temporal.address());
  }

  @AfterAll
  void stopEverything() {
    if (client != null) {
      client.close();
    }
    if (worker != null) {
      worker.stop();
    }
    for (RunningService service : new RunningService[] {temporal, broker, postgres}) {
      if (service != null) {
        service.close();
      }
    }
  }

  @Test
  void servicesAreTheOnesAskedFor() {
    assertThat(broker.label()).containsIgnoringCase(brokerLabel());
    assertThat(temporal.kind()).isEqualTo(temporalKind());
  }

  @Test
  void selfCheckPassesAndWritesItsProbeRow() throws Exception {
    // as ops would run it: on a worker that is up and has published its subscribed lanes
    await().atMost(Duration.ofSeconds(60)).until(() -> subscribedLanesPublished() == 2);
    SelfCheckClient.Run run = client.run();

    assertAllProbesPassed(run.report(), broker.url());
    try (Connection connection =
            DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT write_count FROM platform_probe WHERE probe_key = ?")) {
      statement.setString(1, run.workflowId());
      try (ResultSet rs = statement.executeQuery()) {
        assertThat(rs.next()).as("probe row for %s", run.workflowId()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
    }
  }

  private int subscribedLanesPublished() throws Exception {
    try (Connection connection =
            DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
        PreparedStatement statement =
            connection.prepareStatement("SELECT count(*) FROM ingest_progress WHERE subscribed");
        ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void theDeclaredSchedulesAreSetUpAsTheServerAllows() throws Exception {
    String id = VorlaufSchedules.ID_PREFIX + VorlaufSchedules.PLATFORM_SELF_CHECK;
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.address()).build());
    try {
      if (temporalKind() == TemporalKind.IN_JVM) {
        // no Schedules there: a cron workflow of the same declaration
        HistoryEvent started =
            WorkflowClient.newInstance(stubs).fetchHistory(id).getHistory().getEvents(0);
        assertThat(started.getWorkflowExecutionStartedEventAttributes().getCronSchedule())
            .isEqualTo("0 * * * *");
        return;
      }
      assertThat(ScheduleClient.newInstance(stubs).getHandle(id).describe().getSchedule())
          .satisfies(schedule -> assertThat(schedule.getState().isPaused()).isFalse());
      HttpClient http = HttpClient.newHttpClient();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          http.send(
                                  HttpRequest.newBuilder(
                                          URI.create(
                                              "http://127.0.0.1:"
                                                  + worker.healthPort()
                                                  + "/metrics"))
                                      .build(),
                                  HttpResponse.BodyHandlers.ofString())
                              .body())
                      .contains("vorlauf_schedule_paused{schedule=\"platform-self-check\"} 0.0"));
    } finally {
      stubs.shutdownNow();
    }
  }

  @Test
  void healthIsUpAndNamesTheServerKind() throws Exception {
    HttpResponse<String> health = Services.health(worker.healthPort());

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body())
        .contains("\"status\":\"UP\"")
        .contains(temporalServerName())
        // the worker polls the training queue too unless VORLAUF_WORKER_TRAINING says otherwise
        .contains("\"taskQueues\":[\"vorlauf-platform\",\"vorlauf-training\"]");
  }
}
