package de.vorlauf.worker.ingest;

import de.vorlauf.ingest.pipeline.IngestPipeline;
import java.time.Clock;
import java.time.Duration;

/**
 * A worker's pipeline with MQTT ingestion on top, started and stopped as {@code VorlaufWorker} does
 * (MQTT first, then the pipeline), for tests that need ingestion without Temporal.
 */
public record RunningIngest(WorkerPipeline workerPipeline, MqttIngestion mqtt) {

  public static RunningIngest start(WorkerPipeline.Settings pipeline, MqttIngestorSettings mqtt) {
    WorkerPipeline started = WorkerPipeline.start(pipeline, Clock.systemUTC());
    return new RunningIngest(started, MqttIngestion.start(mqtt, started, Clock.systemUTC()));
  }

  /** Null until the database answered. */
  public IngestPipeline pipeline() {
    return workerPipeline.pipeline();
  }

  /** Null until the pipeline runs. */
  public MqttIngestor ingestor() {
    return mqtt.ingestor();
  }

  /** The backlog lane's consumer; null until the pipeline runs. */
  public MqttIngestor backlogIngestor() {
    return mqtt.backlogIngestor();
  }

  /** Both lanes subscribed: messages on every device topic reach this ingestion. */
  public boolean subscribed() {
    MqttIngestor live = ingestor();
    MqttIngestor backlog = backlogIngestor();
    return live != null
        && backlog != null
        && live.stats().subscribed()
        && backlog.stats().subscribed();
  }

  /** Drains MQTT within {@code grace}, then commits and stops the pipeline; idempotent. */
  public void stop(Duration grace) {
    mqtt.stop(grace);
    workerPipeline.stop(grace);
  }
}
