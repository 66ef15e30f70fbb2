package de.vorlauf.worker.metrics;

import de.vorlauf.domain.ingest.Lane;
import de.vorlauf.ingest.metrics.PipelineMetrics;
import de.vorlauf.worker.ingest.MqttIngestion;
import de.vorlauf.worker.ingest.MqttIngestor;
import de.vorlauf.worker.ingest.WorkerPipeline;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The worker's ingestion meters: the pipeline's ({@link PipelineMetrics}, {@code vorlauf_ingest_*})
 * and the MQTT ingestors' ({@code vorlauf_mqtt_*}, per {@code lane}), read from the counters the
 * ingestors keep anyway. An ingestor that does not run reads as 0.
 */
public final class IngestMetrics {

  private final Supplier<MqttIngestion> mqtt;
  private PipelineMetrics pipelineMetrics;

  private IngestMetrics(Supplier<MqttIngestion> mqtt) {
    this.mqtt = mqtt;
  }

  /**
   * @param pipeline the worker's pipeline, null before it starts
   * @param mqtt MQTT ingestion, null when disabled or not started
   */
  public static IngestMetrics bind(
      MeterRegistry registry, Supplier<WorkerPipeline> pipeline, Supplier<MqttIngestion> mqtt) {
    IngestMetrics metrics = new IngestMetrics(mqtt);
    metrics.pipelineMetrics =
        PipelineMetrics.bind(
            registry,
            () -> {
              WorkerPipeline worker = pipeline.get();
              return worker == null ? null : worker.pipeline();
            },
            lane -> {
              WorkerPipeline worker = pipeline.get();
              return worker == null ? null : worker.writerStats(lane);
            });
    for (Lane lane : Lane.values()) {
      metrics.bindLane(registry, lane);
    }
    return metrics;
  }

  private void bindLane(MeterRegistry registry, Lane lane) {
    String code = lane.code();
    counter(registry, lane, "received", "messages received from the broker", s -> s.received());
    counter(
        registry,
        lane,
        "acknowledged",
        "messages acknowledged to the broker (after commit)",
        s -> s.acknowledged());
    Gauge.builder("vorlauf.mqtt.in.flight", this, m -> m.ingestor(lane, s -> s.inFlight()))
        .description("messages received and not finished (committed or given up)")
        .baseUnit("messages")
        .tag("lane", code)
        .register(registry);
    Gauge.builder(
            "vorlauf.mqtt.unacknowledged",
            this,
            m -> m.ingestor(lane, MqttIngestor.Stats::unacknowledged))
        .description("messages received and not acknowledged")
        .baseUnit("messages")
        .tag("lane", code)
        .register(registry);
    Gauge.builder(
            "vorlauf.mqtt.subscribed", this, m -> m.ingestor(lane, s -> s.subscribed() ? 1 : 0))
        .description("1 while the broker granted this lane's subscriptions")
        .tag("lane", code)
        .register(registry);
    Gauge.builder("vorlauf.mqtt.stalled", this, m -> m.stalledSeconds(lane))
        .description("how long messages are in flight without any acknowledgement")
        .baseUnit("seconds")
        .tag("lane", code)
        .register(registry);
  }

  private void counter(
      MeterRegistry registry,
      Lane lane,
      String what,
      String description,
      ToDoubleFunction<MqttIngestor.Stats> f) {
    FunctionCounter.builder("vorlauf.mqtt.messages." + what, this, m -> m.ingestor(lane, f))
        .description(description)
        .tag("lane", lane.code())
        .register(registry);
  }

  private MqttIngestor ingestor(Lane lane) {
    MqttIngestion ingestion = mqtt.get();
    if (ingestion == null) {
      return null;
    }
    return lane == Lane.BACKLOG ? ingestion.backlogIngestor() : ingestion.ingestor();
  }

  private double ingestor(Lane lane, ToDoubleFunction<MqttIngestor.Stats> f) {
    MqttIngestor ingestor = ingestor(lane);
    return ingestor == null ? 0 : f.applyAsDouble(ingestor.stats());
  }

  private double stalledSeconds(Lane lane) {
    MqttIngestor ingestor = ingestor(lane);
    return ingestor == null ? 0 : ingestor.stalledFor().toMillis() / 1000.0;
  }
}
