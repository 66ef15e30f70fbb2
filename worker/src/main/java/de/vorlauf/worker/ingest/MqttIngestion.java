package de.vorlauf.worker.ingest;

import de.vorlauf.ingest.pipeline.IngestPipeline;
import de.vorlauf.worker.config.MqttIngestConfig;
import de.vorlauf.worker.config.WorkerConfig;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MQTT ingestion in the worker, on top of the process's {@link WorkerPipeline}: two {@link
 * MqttIngestor}s, one per lane (the live {@code sensors} topics; the {@code backlog} topic),
 * subscribe once the pipeline runs (until then the broker keeps the messages) and feed it. Each
 * lane has its own MQTT session, so the broker queues a backlog apart from live messages. Optional
 * ({@code VORLAUF_INGEST_ENABLED=false}): the pipeline, vendor polling and storage maintenance run
 * without it. Stop it before the pipeline: the ingestor drains and acknowledges what it received
 * while the writers still commit.
 */
public final class MqttIngestion implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MqttIngestion.class);

  private final MqttIngestorSettings settings;
  private final WorkerPipeline pipeline;
  private final Clock clock;
  private volatile String state;
  private MqttIngestor ingestor;
  private MqttIngestor backlogIngestor;
  private boolean stopped;

  private MqttIngestion(MqttIngestorSettings settings, WorkerPipeline pipeline, Clock clock) {
    this.settings = settings;
    this.pipeline = pipeline;
    this.clock = clock;
  }

  /** Subscribes as soon as {@code pipeline} runs; returns at once. */
  public static MqttIngestion start(
      MqttIngestorSettings settings, WorkerPipeline pipeline, Clock clock) {
    MqttIngestion ingestion = new MqttIngestion(settings, pipeline, clock);
    pipeline
        .ready()
        .whenComplete(
            (running, error) -> {
              if (running != null) {
                ingestion.startIngestor(running);
              } else {
                ingestion.state = "failed: " + error.getMessage();
              }
            });
    return ingestion;
  }

  /** The worker's MQTT consumer settings from its configuration. */
  public static MqttIngestorSettings settings(WorkerConfig config, int healthPort) {
    MqttIngestConfig ingest = config.ingest();
    return new MqttIngestorSettings(
        config.mqttUrl(),
        config.mqttUser(),
        config.mqttPassword(),
        ingest.clientId(healthPort),
        ingest.shareGroup(),
        ingest.receiveMaximum(),
        ingest.sessionExpiry(),
        Duration.ofSeconds(30),
        ingest.threads(),
        Duration.ofMillis(500));
  }

  private synchronized void startIngestor(IngestPipeline running) {
    if (stopped) {
      return;
    }
    try {
      ingestor = new MqttIngestor(settings, running, clock);
      ingestor.start();
      backlogIngestor = new MqttIngestor(settings.backlog(), running, clock);
      backlogIngestor.start();
      state = "running";
      log.info("MQTT ingestion started: {} and its backlog lane", settings);
    } catch (RuntimeException e) {
      state = "failed: " + e.getMessage();
      log.error("MQTT ingestion could not start: {}", e.getMessage(), e);
    }
  }

  /**
   * For health output: the pipeline's state until the ingestor runs (starting, waiting for the
   * database: …), then running, stopped or failed: ….
   */
  public String state() {
    String own = state;
    return own != null ? own : pipeline.state();
  }

  /** The pipeline this ingestion feeds; null while it is not running. */
  public IngestPipeline pipeline() {
    return pipeline.pipeline();
  }

  /** The live lane's consumer; null until the pipeline runs. */
  public synchronized MqttIngestor ingestor() {
    return ingestor;
  }

  /** The backlog lane's consumer; null until the pipeline runs. */
  public synchronized MqttIngestor backlogIngestor() {
    return backlogIngestor;
  }

  /**
   * Drains and stops the consumer (within {@code grace}); received messages are acknowledged once
   * committed, the rest stay with the broker. The pipeline keeps running.
   */
  public void stop(Duration grace) {
    MqttIngestor live;
    MqttIngestor backlog;
    synchronized (this) {
      stopped = true;
      live = ingestor;
      backlog = backlogIngestor;
      ingestor = null;
      backlogIngestor = null;
    }
    // both drain at once: the grace is the whole stop's, not each lane's
    Thread backlogStop = null;
    if (backlog != null) {
      backlogStop = new Thread(() -> backlog.stop(grace), "vorlauf-mqtt-stop-backlog");
      backlogStop.start();
    }
    if (live != null) {
      live.stop(grace);
    }
    if (backlogStop != null) {
      try {
        backlogStop.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    state = "stopped";
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(30));
  }
}
