package de.vorlauf.simulator.mqtt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT connection of the simulator (a device's or a gateway's), publishing QoS 1 with a window
 * of unacknowledged messages instead of waiting for each PUBACK, which is what makes a backfill
 * fast.
 *
 * <p>Nothing handed to {@link #publish} is lost while the process lives: every message stays in
 * {@code pending} until the broker acknowledged it, and after a reconnect everything still pending
 * is sent again (with a clean session the broker has forgotten it; a repeat that did arrive is
 * dropped by ingestion's key). A PUBACK with an error code (0x87: the ACL refuses the topic) is
 * final: counted, reported to the refusal listener and not repeated. Backlog messages ({@link
 * #publishBacklog}) are paced one level up, by ingestion's commit receipts. Connection attempts
 * back off from one second up to {@link MqttSettings#reconnectMax}, so a broker restart costs a
 * pause, never the process.
 */
public final class PublisherConnection implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PublisherConnection.class);

  /** Called when the broker refuses a message for good. */
  public interface RefusalListener {
    void refused(String topic, byte[] payload, int reasonCode);
  }

  private record Outgoing(String topic, byte[] payload, MqttProperties properties) {}

  /** A backlog message sent and waiting for ingestion's commit receipt. */
  private static final class Awaiting {
    final String topic;
    final byte[] payload;
    final String receiptTopic;
    volatile long sentAt = System.nanoTime();

    Awaiting(String topic, byte[] payload, String receiptTopic) {
      this.topic = topic;
      this.payload = payload;
      this.receiptTopic = receiptTopic;
    }
  }

  private final MqttSettings settings;
  private final MqttLogin login;
  private final MqttAsyncClient client;
  private final List<String> subscriptions;
  private final InboundListener inbound;
  private final RefusalListener refusals;
  private final ScheduledExecutorService reconnects;
  private final Executor dispatcher;
  private final Map<Long, Outgoing> pending = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong resent = new AtomicLong();
  private final ReentrantReadWriteLock resendLock = new ReentrantReadWriteLock();
  private final Object connectedSignal = new Object();
  private final Semaphore window;
  private final Map<Long, Awaiting> awaitingReceipt = new ConcurrentHashMap<>();
  private final Semaphore receiptWindow;
  // a random start: a receipt meant for an earlier run of this connection matches nothing
  private final AtomicLong receiptIds =
      new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40) << 20);
  private final AtomicLong receipts = new AtomicLong();
  private final AtomicLong receiptRepeats = new AtomicLong();
  private volatile int windowSize;
  private volatile boolean connected;
  private volatile boolean subscribed;
  private volatile boolean closed;
  private volatile boolean everConnected;
  private int failedAttempts;

  PublisherConnection(
      MqttSettings settings,
      MqttLogin login,
      List<String> subscriptions,
      InboundListener inbound,
      RefusalListener refusals,
      ScheduledExecutorService reconnects,
      Executor dispatcher)
      throws MqttException {
    this.settings = settings;
    this.login = login;
    this.subscriptions = List.copyOf(subscriptions);
    this.inbound = inbound;
    this.refusals = refusals;
    this.reconnects = reconnects;
    this.dispatcher = dispatcher;
    this.windowSize = settings.maxInflight();
    this.window = new Semaphore(windowSize);
    this.receiptWindow = new Semaphore(settings.backlogWindow());
    this.client =
        new MqttAsyncClient(
            settings.url(), settings.clientIdPrefix() + login.user(), new MemoryPersistence());
    client.setCallback(new Callback());
  }

  public String user() {
    return login.user();
  }

  /** Starts connecting in the background; publishers wait until it succeeds. */
  void start() {
    reconnects.execute(this::attemptConnect);
  }

  public boolean isConnected() {
    return connected && client.isConnected();
  }

  /** Connected, and the broker answered its subscriptions: setpoint commands reach it now. */
  public boolean isSubscribed() {
    return subscribed && isConnected();
  }

  /**
   * Hands a message to the broker: returns when it is sent (not yet acknowledged); blocks while the
   * window is full or the connection is down.
   */
  public void publish(String topic, byte[] payload) throws InterruptedException {
    publish(new Outgoing(topic, payload, null));
  }

  private void publish(Outgoing message) throws InterruptedException {
    while (true) {
      awaitConnected();
      window.acquire();
      resendLock.readLock().lock();
      try {
        long id = sequence.incrementAndGet();
        pending.put(id, message);
        if (send(id, message)) {
          return;
        }
        if (!client.isConnected()) {
          return; // stays pending: the reconnect sends it again
        }
        // connected but the client refused it for the moment (its own queue): back off, retry
        if (pending.remove(id) != null) {
          window.release();
        }
      } finally {
        resendLock.readLock().unlock();
      }
      Thread.sleep(20);
    }
  }

  public void publish(String topic, String payload) throws InterruptedException {
    publish(topic, payload.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Publishes one message of {@code deviceId}'s history on its backlog topic, asking ingestion for
   * a commit receipt (MQTT 5 response topic and correlation data). Paced by those receipts, not by
   * the broker's PUBACK: blocks while {@link MqttSettings#backlogWindow} messages of this
   * connection wait for one, so the broker never holds more of this backlog than that, however
   * slowly ingestion commits. While waiting, messages whose receipt is overdue are sent again.
   */
  public void publishBacklog(String deviceId, byte[] payload) throws InterruptedException {
    long waitingSince = System.nanoTime();
    while (!receiptWindow.tryAcquire(1, TimeUnit.SECONDS)) {
      repeatOverdue();
      if (System.nanoTime() - waitingSince > 60_000_000_000L) {
        log.warn(
            "MQTT connection {}: {} backlog messages without a commit receipt for a minute; is"
                + " ingestion consuming greenbox/+/backlog?",
            login.user(),
            awaitingReceipt.size());
        waitingSince = System.nanoTime();
      }
    }
    long id = receiptIds.incrementAndGet();
    Awaiting message = new Awaiting(Topics.backlog(deviceId), payload, Topics.backlogAck(deviceId));
    awaitingReceipt.put(id, message);
    publish(new Outgoing(message.topic, payload, receiptRequest(id, message.receiptTopic)));
  }

  /**
   * Waits until ingestion committed every backlog message sent so far, repeating overdue ones.
   *
   * @return false when the timeout passed first
   */
  public boolean drainBacklog(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!awaitingReceipt.isEmpty()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      repeatOverdue();
      Thread.sleep(20);
    }
    return true;
  }

  private void repeatOverdue() throws InterruptedException {
    long overdue = System.nanoTime() - settings.receiptTimeout().toNanos();
    for (Map.Entry<Long, Awaiting> entry : awaitingReceipt.entrySet()) {
      Awaiting message = entry.getValue();
      if (message.sentAt - overdue < 0) {
        message.sentAt = System.nanoTime();
        receiptRepeats.incrementAndGet();
        publish(
            new Outgoing(
                message.topic,
                message.payload,
                receiptRequest(entry.getKey(), message.receiptTopic)));
      }
    }
  }

  private static MqttProperties receiptRequest(long id, String receiptTopic) {
    MqttProperties properties = new MqttProperties();
    properties.setResponseTopic(receiptTopic);
    properties.setCorrelationData(ByteBuffer.allocate(Long.BYTES).putLong(id).array());
    return properties;
  }

  private void receiptArrived(MqttMessage message) {
    byte[] correlation =
        message.getProperties() == null ? null : message.getProperties().getCorrelationData();
    if (correlation == null || correlation.length != Long.BYTES) {
      return;
    }
    if (awaitingReceipt.remove(ByteBuffer.wrap(correlation).getLong()) != null) {
      receiptWindow.release();
      receipts.incrementAndGet();
    }
  }

  /** Backlog messages sent and not yet committed by ingestion. */
  public long awaitingReceiptCount() {
    return awaitingReceipt.size();
  }

  public long receiptCount() {
    return receipts.get();
  }

  /** Backlog messages sent again because their receipt did not come in time. */
  public long receiptRepeatCount() {
    return receiptRepeats.get();
  }

  /** Waits until the broker acknowledged everything published so far. */
  public boolean drain(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!pending.isEmpty()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  public long pendingCount() {
    return pending.size();
  }

  public long acknowledgedCount() {
    return acknowledged.get();
  }

  public long refusedCount() {
    return refused.get();
  }

  public long resentCount() {
    return resent.get();
  }

  private boolean send(long id, Outgoing message) {
    try {
      MqttMessage mqtt = new MqttMessage(message.payload());
      mqtt.setQos(1);
      if (message.properties() != null) {
        mqtt.setProperties(message.properties());
      }
      client.publish(message.topic(), mqtt, null, new Ack(id));
      return true;
    } catch (MqttException e) {
      return false;
    }
  }

  private void awaitConnected() throws InterruptedException {
    synchronized (connectedSignal) {
      while (!connected && !closed) {
        connectedSignal.wait(1_000);
      }
    }
    if (closed) {
      throw new IllegalStateException("connection " + login.user() + " is closed");
    }
  }

  private void attemptConnect() {
    if (closed || client.isConnected()) {
      return;
    }
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setAutomaticReconnect(false);
    options.setConnectionTimeout(10);
    options.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
    if (!login.isAnonymous()) {
      options.setUserName(login.user());
      options.setPassword(login.password().getBytes(StandardCharsets.UTF_8));
    }
    try {
      client.connect(
          options,
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              Integer serverMaximum = token.getResponseProperties().getReceiveMaximum();
              onConnected(serverMaximum);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable exception) {
              scheduleReconnect(exception);
            }
          });
    } catch (MqttException e) {
      scheduleReconnect(e);
    }
  }

  private synchronized void scheduleReconnect(Throwable cause) {
    if (closed) {
      return;
    }
    failedAttempts++;
    long maxMillis = settings.reconnectMax().toMillis();
    long delay = Math.min(maxMillis, 1_000L << Math.min(failedAttempts - 1, 16));
    delay = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
    if (failedAttempts == 1 || failedAttempts % 10 == 0) {
      log.warn(
          "MQTT connection {} to {} failed ({} attempts): {}; next attempt in {} ms",
          login.user(),
          settings.url(),
          failedAttempts,
          cause == null ? "disconnected" : cause.getMessage(),
          delay);
    }
    reconnects.schedule(this::attemptConnect, delay, TimeUnit.MILLISECONDS);
  }

  private void onConnected(Integer serverMaximum) {
    synchronized (this) {
      failedAttempts = 0;
    }
    int size =
        serverMaximum == null
            ? Math.min(settings.maxInflight(), 100)
            : Math.min(settings.maxInflight(), serverMaximum);
    resendLock.writeLock().lock();
    try {
      if (!everConnected && size < windowSize && window.tryAcquire(windowSize - size)) {
        // the broker takes fewer unacknowledged messages than configured: keep the rest away
        windowSize = size;
      }
      List<Map.Entry<Long, Outgoing>> again = new ArrayList<>(pending.entrySet());
      again.forEach(e -> pending.remove(e.getKey()));
      for (Map.Entry<Long, Outgoing> entry : again) {
        long id = sequence.incrementAndGet();
        pending.put(id, entry.getValue());
        send(id, entry.getValue());
        resent.incrementAndGet();
      }
    } finally {
      resendLock.writeLock().unlock();
    }
    if (everConnected) {
      log.info("MQTT connection {} is back", login.user());
    }
    everConnected = true;
    subscribed = false;
    subscribeThen(() -> subscribed = true);
    synchronized (connectedSignal) {
      connected = true;
      connectedSignal.notifyAll();
    }
  }

  /**
   * Subscribes to the command and receipt topics and runs {@code then} once the broker has answered
   * every SUBSCRIBE ({@link #isSubscribed}): a command published before that would be dropped by
   * the broker (clean start, no subscription yet). Publishing does not wait for it. Runs on Paho's
   * callback thread, so it must not block on the SUBACK.
   */
  private void subscribeThen(Runnable then) {
    // many filters per SUBSCRIBE, but not all at once: a gateway may have hundreds of devices
    int chunks = (subscriptions.size() + 49) / 50;
    AtomicInteger outstanding = new AtomicInteger(chunks);
    if (chunks == 0) {
      then.run();
      return;
    }
    MqttActionListener answered =
        new MqttActionListener() {
          @Override
          public void onSuccess(IMqttToken token) {
            int[] codes = token == null ? null : token.getReasonCodes();
            if (codes != null && Arrays.stream(codes).anyMatch(c -> c >= 0x80)) {
              log.warn(
                  "MQTT connection {}: the broker refused a command subscription (codes {})",
                  login.user(),
                  Arrays.toString(codes));
            }
            if (outstanding.decrementAndGet() == 0) {
              then.run();
            }
          }

          @Override
          public void onFailure(IMqttToken token, Throwable exception) {
            log.warn(
                "MQTT connection {}: subscribing failed: {}", login.user(), exception.getMessage());
            onSuccess(token);
          }
        };
    for (int from = 0; from < subscriptions.size(); from += 50) {
      List<String> chunk = subscriptions.subList(from, Math.min(subscriptions.size(), from + 50));
      MqttSubscription[] filters =
          chunk.stream().map(f -> new MqttSubscription(f, 1)).toArray(MqttSubscription[]::new);
      try {
        client.subscribe(filters, null, answered, new MqttProperties());
      } catch (MqttException e) {
        answered.onFailure(null, e);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (connectedSignal) {
      connectedSignal.notifyAll();
    }
    try {
      if (client.isConnected()) {
        client.disconnect(5_000).waitForCompletion(6_000);
      }
    } catch (MqttException e) {
      log.debug("MQTT connection {}: disconnect failed: {}", login.user(), e.getMessage());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      log.debug("MQTT connection {}: close failed: {}", login.user(), e.getMessage());
    }
  }

  private final class Ack implements MqttActionListener {
    private final long id;

    Ack(long id) {
      this.id = id;
    }

    @Override
    public void onSuccess(IMqttToken token) {
      int[] codes = token.getReasonCodes();
      int code = codes == null || codes.length == 0 ? 0 : codes[0];
      Outgoing message = pending.remove(id);
      if (message == null) {
        return; // sent again after a reconnect; the new id counts
      }
      window.release();
      if (code >= 0x80) {
        refuse(message, code);
      } else {
        acknowledged.incrementAndGet();
      }
    }

    @Override
    public void onFailure(IMqttToken token, Throwable exception) {
      int code = exception instanceof MqttException e ? e.getReasonCode() : -1;
      if (code >= 0x80 && code <= 0xFF) {
        Outgoing message = pending.remove(id);
        if (message != null) {
          window.release();
          refuse(message, code);
        }
      }
      // otherwise the connection went away: the message stays pending for the resend
    }
  }

  private void refuse(Outgoing message, int code) {
    refused.incrementAndGet();
    log.warn(
        "MQTT connection {}: the broker refused a message on {} (reason 0x{})",
        login.user(),
        message.topic(),
        Integer.toHexString(code));
    if (refusals != null) {
      refusals.refused(message.topic(), message.payload(), code);
    }
  }

  private final class Callback implements MqttCallback {
    @Override
    public void disconnected(MqttDisconnectResponse response) {
      synchronized (connectedSignal) {
        connected = false;
      }
      if (!closed) {
        log.warn(
            "MQTT connection {} lost: {}",
            login.user(),
            response.getException() == null
                ? response.getReasonString()
                : response.getException().getMessage());
        scheduleReconnect(response.getException());
      }
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
      log.warn("MQTT connection {}: {}", login.user(), exception.getMessage());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      if (topic.endsWith(Topics.BACKLOG_ACK_SUFFIX)) {
        receiptArrived(message);
        return;
      }
      if (inbound != null) {
        byte[] payload = message.getPayload();
        dispatcher.execute(() -> inbound.arrived(topic, payload, PublisherConnection.this));
      }
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
