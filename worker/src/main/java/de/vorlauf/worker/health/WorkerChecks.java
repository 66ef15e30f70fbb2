package de.vorlauf.worker.health;

import de.vorlauf.worker.config.WorkerConfig;
import de.vorlauf.worker.ingest.MqttIngestion;
import de.vorlauf.worker.ingest.MqttIngestor;
import de.vorlauf.worker.ingest.WorkerPipeline;
import de.vorlauf.workflows.temporal.TemporalServerKind;
import io.grpc.StatusRuntimeException;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The worker's liveness and readiness. Ready means: the worker polls Temporal and Temporal answers,
 * the database answers, and (with MQTT ingestion) both lanes are subscribed at the broker and none
 * holds messages without acknowledging any for longer than the configured stall time. Each failed
 * check names its dependency and what was found, e.g. {@code database: Connection refused}.
 */
public final class WorkerChecks {

  private static final Duration TEMPORAL_DEADLINE = Duration.ofSeconds(2);

  private final WorkerConfig config;
  private final Supplier<HealthStatus> status;
  private final Supplier<WorkflowServiceStubs> stubs;
  private final Supplier<WorkerPipeline> pipeline;
  private final Supplier<MqttIngestion> mqtt;
  private final DatabaseReachability database;

  /** Each supplier gives null while that part is not started. */
  public WorkerChecks(
      WorkerConfig config,
      Supplier<HealthStatus> status,
      Supplier<WorkflowServiceStubs> stubs,
      Supplier<WorkerPipeline> pipeline,
      Supplier<MqttIngestion> mqtt) {
    this.config = config;
    this.status = status;
    this.stubs = stubs;
    this.pipeline = pipeline;
    this.mqtt = mqtt;
    this.database = new DatabaseReachability(config.dbUrl(), config.dbUser(), config.dbPassword());
  }

  /** Down only when a restart is what helps: the ingest pipeline or ingestion failed to start. */
  public ReadinessReport liveness() {
    List<ReadinessReport.Check> checks = new ArrayList<>();
    WorkerPipeline running = pipeline.get();
    if (running != null && running.state().startsWith("failed")) {
      checks.add(new ReadinessReport.Check("ingestion", false, "pipeline " + running.state()));
    }
    MqttIngestion ingestion = mqtt.get();
    if (ingestion != null && ingestion.state().startsWith("failed")) {
      checks.add(
          new ReadinessReport.Check("ingestion", false, "MQTT ingestion " + ingestion.state()));
    }
    return ReadinessReport.of(checks);
  }

  public ReadinessReport readiness() {
    List<ReadinessReport.Check> checks = new ArrayList<>();
    checks.add(temporal());
    String dbProblem = database.problem();
    checks.add(
        new ReadinessReport.Check(
            "database",
            dbProblem == null,
            dbProblem == null
                ? "answers at " + config.dbUrl()
                : "cannot reach " + config.dbUrl() + ": " + dbProblem));
    if (config.ingest().enabled()) {
      checks.add(broker());
    }
    if (config.training().platform()) {
      checks.add(ingestion()); // a training-only worker runs no pipeline (TrainingRole.ONLY)
    }
    return ReadinessReport.of(checks);
  }

  private ReadinessReport.Check temporal() {
    HealthStatus now = status.get();
    if (!now.up()) {
      return new ReadinessReport.Check("temporal", false, now.status() + ": " + now.temporal());
    }
    WorkflowServiceStubs connection = stubs.get();
    if (connection == null) {
      return new ReadinessReport.Check("temporal", false, "not connected");
    }
    try {
      TemporalServerKind kind =
          TemporalServerKind.detect(connection.blockingStub(), TEMPORAL_DEADLINE);
      return new ReadinessReport.Check(
          "temporal", true, kind.label() + " at " + config.temporalAddress() + ", polling");
    } catch (StatusRuntimeException e) {
      return new ReadinessReport.Check(
          "temporal",
          false,
          "cannot reach " + config.temporalAddress() + ": " + e.getStatus().getCode());
    }
  }

  private ReadinessReport.Check broker() {
    MqttIngestion ingestion = mqtt.get();
    List<MqttIngestor> lanes = lanes(ingestion);
    if (lanes.isEmpty()) {
      return new ReadinessReport.Check(
          "broker",
          false,
          "MQTT ingestion not consuming yet ("
              + (ingestion == null ? "not started" : ingestion.state())
              + ")");
    }
    List<String> problems = new ArrayList<>();
    for (MqttIngestor lane : lanes) {
      MqttIngestor.Stats stats = lane.stats();
      if (!stats.connected()) {
        problems.add(lane.lane().code() + " lane not connected to " + config.mqttUrl());
      } else if (!stats.subscribed()) {
        problems.add(lane.lane().code() + " lane connected, subscriptions not granted");
      }
    }
    return problems.isEmpty()
        ? new ReadinessReport.Check("broker", true, "both lanes subscribed at " + config.mqttUrl())
        : new ReadinessReport.Check("broker", false, String.join("; ", problems));
  }

  private ReadinessReport.Check ingestion() {
    WorkerPipeline running = pipeline.get();
    if (running == null || !"running".equals(running.state())) {
      return new ReadinessReport.Check(
          "ingestion", false, "pipeline " + (running == null ? "not started" : running.state()));
    }
    Duration patience = config.health().ackStallAfter();
    List<String> stalled = new ArrayList<>();
    for (MqttIngestor lane : lanes(mqtt.get())) {
      Duration stalledFor = lane.stalledFor();
      if (stalledFor.compareTo(patience) > 0) {
        stalled.add(
            "%s lane: %d messages in flight, none acknowledged for %d s"
                .formatted(lane.lane().code(), lane.stats().inFlight(), stalledFor.toSeconds()));
      }
    }
    return stalled.isEmpty()
        ? new ReadinessReport.Check("ingestion", true, "pipeline running, acknowledging")
        : new ReadinessReport.Check("ingestion", false, String.join("; ", stalled));
  }

  private static List<MqttIngestor> lanes(MqttIngestion ingestion) {
    List<MqttIngestor> lanes = new ArrayList<>();
    if (ingestion != null) {
      if (ingestion.ingestor() != null) {
        lanes.add(ingestion.ingestor());
      }
      if (ingestion.backlogIngestor() != null) {
        lanes.add(ingestion.backlogIngestor());
      }
    }
    return lanes;
  }
}
