package de.vorlauf.worker.ingest;

import de.vorlauf.persistence.ingest.IngestMessage;
import de.vorlauf.persistence.ingest.IngestPipeline;
import de.vorlauf.persistence.ingest.IngestUnavailableException;
import de.vorlauf.persistence.timeseries.WriteQueueFullException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the device topics through a shared subscription and feeds the {@link IngestPipeline}.
 *
 * <p>Delivery guarantees: QoS 1 with a persistent session (clean start off, session expiry > 0)
 * and manual acknowledgements. A message is acknowledged only after its readings and quarantine
 * rows are committed, and acknowledgements leave in arrival order ({@link AckSequencer}). Paho's
 * callback thread never blocks: it hands messages to ingest threads. Backpressure is the Receive
 * Maximum: while the database is slow or down nothing is acknowledged, so the broker stops sending
 * and queues — nothing is dropped here. A message that arrived on a connection that has since been
 * lost is never acknowledged on the new one: the broker delivers it again and the duplicate is
 * dropped by key.
 */
public final class MqttIngestor implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MqttIngestor.class);

  /** A received message waiting for or going through the pipeline. */
  private record Delivery(
      int generation, AckSequencer.Slot slot, String topic, byte[] payload, java.time.Instant at) {}

  private final MqttIngestorSettings settings;
  private final IngestPipeline pipeline;
  private final Clock clock;
  private final MqttAsyncClient client;
  private final LinkedBlockingQueue<Delivery> inbox = new LinkedBlockingQueue<>();
  private final List<Thread> threads = new ArrayList<>();
  private final Object ackLock = new Object();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private AckSequencer sequencer = new AckSequencer();
  private int generation;
  private volatile boolean connected;
  private volatile boolean stopping;
  private Thread connector;

  public MqttIngestor(MqttIngestorSettings settings, IngestPipeline pipeline, Clock clock) {
    this.settings = settings;
    this.pipeline = pipeline;
    this.clock = clock;
    try {
      this.client = new MqttAsyncClient(settings.url(), settings.clientId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw new IllegalArgumentException("cannot create an MQTT client for " + settings.url(), e);
    }
    client.setManualAcks(true);
    client.setCallback(new Callback());
  }

  /** Starts the ingest threads and connects in the background (retrying while the broker is away). */
  public synchronized void start() {
    for (int i = 0; i < settings.threads(); i++) {
      Thread thread = new Thread(this::work, "vorlauf-mqtt-ingest-" + i);
      threads.add(thread);
      thread.start();
    }
    connector = new Thread(this::connectUntilUp, "vorlauf-mqtt-connect");
    connector.start();
  }

  private MqttConnectionOptions options() {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(false);
    options.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
    options.setReceiveMaximum(settings.receiveMaximum());
    options.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
    options.setConnectionTimeout(10);
    options.setAutomaticReconnect(true);
    options.setAutomaticReconnectDelay(1, 10);
    if (settings.user() != null) {
      options.setUserName(settings.user());
      if (settings.password() != null) {
        options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
      }
    }
    return options;
  }

  private void connectUntilUp() {
    long pause = 500;
    while (!stopping) {
      try {
        client.connect(options()).waitForCompletion(15_000);
        return; // from now on Paho reconnects by itself
      } catch (MqttException e) {
        log.warn(
            "MQTT ingestor {}: cannot connect to {} ({}); retrying in {} ms",
            settings.clientId(),
            settings.url(),
            e.getMessage(),
            pause);
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        return;
      }
      pause = Math.min(pause * 2, 10_000);
    }
  }

  private final class Callback implements MqttCallback {

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      synchronized (ackLock) {
        generation++;
        sequencer = new AckSequencer();
      }
      connected = true;
      log.info(
          "MQTT ingestor {} {} to {}; subscribing to {}",
          settings.clientId(),
          reconnect ? "reconnected" : "connected",
          serverUri,
          String.join(", ", settings.filters()));
      // the session may have been lost (broker without persistence): subscribe every time
      try {
        client.subscribe(settings.filters(), new int[] {1, 1});
      } catch (MqttException e) {
        log.error("MQTT ingestor {}: subscribing failed: {}", settings.clientId(), e.getMessage());
      }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
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
                clock.instant());
      }
      inFlight.incrementAndGet();
      inbox.add(delivery);
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
      connected = false;
      log.warn(
          "MQTT ingestor {} lost the broker ({}); unacknowledged messages will be redelivered",
          settings.clientId(),
          response.getReasonString() != null ? response.getReasonString() : response.getException());
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
      log.warn("MQTT ingestor {}: {}", settings.clientId(), exception.getMessage());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
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
    CompletableFuture<?> outcome = null;
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
    outcome.whenComplete((result, error) -> afterCommit(delivery, error));
  }

  private void afterCommit(Delivery delivery, Throwable error) {
    if (error == null) {
      finished(delivery, true);
      return;
    }
    if (stopping) {
      log.warn("message {} not committed before shutdown; the broker will redeliver it",
          delivery.slot());
      finished(delivery, false);
      return;
    }
    // e.g. a writer that gave up: try again rather than leave a hole in the ack order
    log.warn("message {} failed ({}); processing it again", delivery.slot(), error.getMessage());
    retried.incrementAndGet();
    CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(() -> inbox.add(delivery));
  }

  private void finished(Delivery delivery, boolean committed) {
    synchronized (ackLock) {
      if (delivery.generation() == generation) {
        for (AckSequencer.Slot slot : sequencer.finished(delivery.slot(), committed)) {
          try {
            client.messageArrivedComplete(slot.messageId, slot.qos);
            acknowledged.incrementAndGet();
          } catch (MqttException e) {
            log.debug("acknowledging {} failed: {}", slot, e.getMessage());
          }
        }
      }
    }
    inFlight.decrementAndGet();
  }

  /** Counters for health and tests. */
  public record Stats(boolean connected, long received, long acknowledged, int inFlight, long retried) {}

  public Stats stats() {
    return new Stats(connected, received.get(), acknowledged.get(), inFlight.get(), retried.get());
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
      log.warn("MQTT ingestor {}: {} messages not finished after {}; they will be redelivered",
          settings.clientId(), inFlight.get(), grace);
    }
    if (connector != null) {
      connector.interrupt();
    }
    threads.forEach(Thread::interrupt);
    try {
      if (client.isConnected()) {
        client.disconnect(5_000).waitForCompletion(6_000);
      }
    } catch (MqttException e) {
      log.debug("disconnect: {}", e.getMessage());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      log.debug("close: {}", e.getMessage());
    }
    log.info("MQTT ingestor {} stopped: {}", settings.clientId(), stats());
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(30));
  }
}
