package de.vorlauf.worker.ingest;

import de.vorlauf.domain.ingest.Lane;
import de.vorlauf.domain.logging.DeviceLogContext;
import de.vorlauf.ingest.pipeline.CommitReceipt;
import de.vorlauf.ingest.pipeline.IngestMessage;
import de.vorlauf.ingest.pipeline.IngestOutcome;
import de.vorlauf.ingest.pipeline.IngestPipeline;
import de.vorlauf.ingest.pipeline.IngestUnavailableException;
import de.vorlauf.ingest.topic.GreenboxTopic;
import de.vorlauf.persistence.timeseries.WriteQueueFullException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the device topics of one lane through a shared subscription and feeds the {@link
 * IngestPipeline}. The worker runs one per lane ({@link MqttIngestion}): the live topics and the
 * backlog topic each have their own session, inflight window, inbox and threads, so a backlog the
 * broker holds never stands between a live message and this worker.
 *
 * <p>Commit receipts: a message with an MQTT 5 response topic equal to its device's {@code
 * greenbox/<device>/backlog/ack} gets a {@link CommitReceipt} there (correlation data echoed) once
 * committed. Devices pace backlog uploads by these, not by the broker's PUBACK, so what the broker
 * holds for a backlog is bounded by the devices' windows.
 *
 * <p>Delivery guarantees: QoS 1, a persistent session ({@link IngestConnection}) and manual
 * acknowledgements. A message is acknowledged only after its readings and quarantine rows are
 * committed, and acknowledgements leave in arrival order ({@link AckSequencer}). Paho's callback
 * thread hands messages to ingest threads through an inbox bounded by the Receive Maximum: while
 * the database is slow or down nothing is acknowledged, so the broker should stop sending and
 * queue. Mosquitto 2.0.11 was measured not to (450,000 unacknowledged messages delivered on one
 * connection during the demo's 30-day backfill, and a worker out of memory), so when the inbox is
 * full the callback thread waits: Paho stops reading the socket and TCP pushes back on the broker,
 * which keeps the rest queued — nothing is dropped here. A message that arrived on a connection
 * that has since been lost is never acknowledged on the new one: the broker delivers it again and
 * the duplicate is dropped by key.
 */
public final class MqttIngestor implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MqttIngestor.class);

  /** A received message waiting for or going through the pipeline. */
  private record Delivery(
      int generation,
      AckSequencer.Slot slot,
      String topic,
      byte[] payload,
      Instant at,
      String receiptTopic,
      byte[] correlation) {}

  private final MqttIngestorSettings settings;
  private final IngestPipeline pipeline;
  private final Clock clock;
  private final IngestConnection connection;
  private final LinkedBlockingQueue<Delivery> inbox;
  private final List<Thread> threads = new ArrayList<>();
  private final Object ackLock = new Object();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong receipts = new AtomicLong();
  // System.nanoTime() of the last acknowledgement, or of the arrival that ended an idle spell:
  // with messages in flight, how long nothing moved (readiness: "stopped acknowledging")
  private volatile long lastProgressNanos = System.nanoTime();
  private AckSequencer sequencer = new AckSequencer();
  private int generation;
  private volatile boolean stopping;

  public MqttIngestor(MqttIngestorSettings settings, IngestPipeline pipeline, Clock clock) {
    this.settings = settings;
    this.inbox = new LinkedBlockingQueue<>(settings.receiveMaximum());
    this.pipeline = pipeline;
    this.clock = clock;
    this.connection =
        new IngestConnection(
            settings,
            new IngestConnection.Listener() {
              @Override
              public void connected() {
                synchronized (ackLock) {
                  generation++;
                  sequencer = new AckSequencer();
                }
              }

              @Override
              public void message(String topic, MqttMessage message) {
                arrived(topic, message);
              }
            });
  }

  /** Starts the ingest threads and connects in the background. */
  public synchronized void start() {
    for (int i = 0; i < settings.threads(); i++) {
      Thread thread =
          new Thread(this::work, "vorlauf-mqtt-ingest-" + settings.lane().code() + "-" + i);
      threads.add(thread);
      thread.start();
    }
    connection.open();
  }

  private void arrived(String topic, MqttMessage message) {
    if (stopping) {
      return; // not acknowledged: the broker keeps it in our session for the next start
    }
    received.incrementAndGet();
    Delivery delivery;
    synchronized (ackLock) {
      delivery =
          new Delivery(
              generation,
              sequencer.arrived(message.getId(), message.getQos()),
              topic,
              message.getPayload(),
              clock.instant(),
              receiptTopic(topic, message),
              message.getProperties() == null
                  ? null
                  : message.getProperties().getCorrelationData());
    }
    if (inFlight.incrementAndGet() == 1) {
      lastProgressNanos = System.nanoTime();
    }
    try {
      inbox.put(delivery); // waits while the inbox is full: see the class comment
    } catch (InterruptedException e) {
      // stopping: the message stays unacknowledged and the broker delivers it again
      finished(delivery, false);
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The topic to send a commit receipt to: the MQTT 5 response topic, honoured only when it is the
   * sending device's own {@code backlog/ack} topic (a device must not make the worker publish
   * elsewhere); null when none was asked for.
   */
  private static String receiptTopic(String topic, MqttMessage message) {
    String asked =
        message.getProperties() == null ? null : message.getProperties().getResponseTopic();
    if (asked == null) {
      return null;
    }
    return GreenboxTopic.parse(topic)
        .map(t -> GreenboxTopic.backlogAck(t.deviceId()))
        .filter(asked::equals)
        .orElse(null);
  }

  private void work() {
    while (true) {
      Delivery delivery;
      try {
        delivery = inbox.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (delivery == null) {
        if (stopping && inFlight.get() == 0) {
          return;
        }
        continue;
      }
      try {
        process(delivery);
      } catch (InterruptedException e) {
        finished(delivery, false);
        return;
      }
    }
  }

  /** Submits one message, waiting (never dropping) while the write queue or database is busy. */
  private void process(Delivery delivery) throws InterruptedException {
    IngestMessage message = IngestMessage.mqtt(delivery.topic(), delivery.payload(), delivery.at());
    long pause = 100;
    CompletableFuture<IngestOutcome> outcome = null;
    while (outcome == null) {
      try {
        outcome = pipeline.ingest(message, settings.submitWait());
      } catch (WriteQueueFullException e) {
        log.debug("write queue full, holding message {}", delivery.slot());
      } catch (IngestUnavailableException e) {
        log.warn("MQTT ingestor: {}; retrying in {} ms", e.getMessage(), pause);
        Thread.sleep(pause);
        pause = Math.min(pause * 2, 5_000);
      }
    }
    outcome.whenComplete((result, error) -> afterCommit(delivery, result, error));
  }

  private void afterCommit(Delivery delivery, IngestOutcome result, Throwable error) {
    if (error == null) {
      if (delivery.receiptTopic() != null
          && connection.publishReceipt(
              delivery.receiptTopic(),
              delivery.correlation() == null ? new byte[0] : delivery.correlation(),
              CommitReceipt.json(result))) {
        receipts.incrementAndGet();
      }
      finished(delivery, true);
      return;
    }
    try (DeviceLogContext device = DeviceLogContext.open(null, deviceOf(delivery))) {
      if (stopping) {
        log.warn(
            "message {} not committed before shutdown; the broker will redeliver it",
            delivery.slot());
        finished(delivery, false);
        return;
      }
      // e.g. a writer that gave up: try again rather than leave a hole in the acknowledgements
      log.warn("message {} failed ({}); processing it again", delivery.slot(), error.getMessage());
    }
    retried.incrementAndGet();
    CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS)
        .execute(
            () -> {
              try {
                inbox.put(delivery);
              } catch (InterruptedException e) {
                finished(delivery, false);
                Thread.currentThread().interrupt();
              }
            });
  }

  /** The topic's device for the log context; the building is resolved later, in the pipeline. */
  private static String deviceOf(Delivery delivery) {
    return GreenboxTopic.parse(delivery.topic()).map(GreenboxTopic::deviceId).orElse(null);
  }

  private void finished(Delivery delivery, boolean committed) {
    synchronized (ackLock) {
      if (delivery.generation() == generation) {
        for (AckSequencer.Slot slot : sequencer.finished(delivery.slot(), committed)) {
          try {
            connection.acknowledge(slot.messageId, slot.qos);
            acknowledged.incrementAndGet();
            lastProgressNanos = System.nanoTime();
          } catch (MqttException e) {
            log.debug("acknowledging {} failed: {}", slot, e.getMessage());
          }
        }
      }
    }
    inFlight.decrementAndGet();
  }

  /**
   * Counters for health and tests.
   *
   * @param subscribed the broker granted the subscriptions: device messages reach this worker
   * @param inFlight received and not yet finished (committed or given up)
   * @param retried messages processed again after a failure
   * @param receipts commit receipts sent to devices that asked for them
   */
  public record Stats(
      boolean connected,
      boolean subscribed,
      long received,
      long acknowledged,
      int inFlight,
      long retried,
      long receipts) {

    /** Received and not acknowledged (yet, or ever: QoS 0, or given up before a reconnect). */
    public long unacknowledged() {
      return Math.max(0, received - acknowledged);
    }
  }

  public Stats stats() {
    return new Stats(
        connection.connected(),
        connection.subscribed(),
        received.get(),
        acknowledged.get(),
        inFlight.get(),
        retried.get(),
        receipts.get());
  }

  /** Which lane this ingestor consumes. */
  public Lane lane() {
    return settings.lane();
  }

  /**
   * How long messages have been in flight without a single acknowledgement; zero while nothing is
   * in flight. Ingestion that stopped acknowledging shows here first (the broker then stops
   * sending, and devices back up).
   */
  public Duration stalledFor() {
    if (inFlight.get() == 0) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(Math.max(0, System.nanoTime() - lastProgressNanos));
  }

  /**
   * Graceful stop: takes no new messages, lets the ones received finish and be acknowledged (up to
   * {@code grace}), then disconnects keeping the session, so what the broker still holds for this
   * worker waits for its next start.
   */
  public void stop(Duration grace) {
    synchronized (this) {
      if (stopping) {
        return;
      }
      stopping = true;
    }
    long deadline = System.nanoTime() + grace.toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (inFlight.get() > 0) {
      log.warn(
          "MQTT ingestor {}: {} messages not finished after {}; they will be redelivered",
          settings.clientId(),
          inFlight.get(),
          grace);
    }
    threads.forEach(Thread::interrupt);
    connection.close();
    log.info("MQTT ingestor {} stopped: {}", settings.clientId(), stats());
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(30));
  }
}
