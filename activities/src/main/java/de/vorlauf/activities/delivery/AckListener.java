package de.vorlauf.activities.delivery;

import de.vorlauf.persistence.delivery.DeliveryState;
import de.vorlauf.persistence.delivery.DeliveryStore;
import de.vorlauf.persistence.delivery.DeviceAck;
import de.vorlauf.persistence.delivery.SetpointDeliveryStore.Settlement;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
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
 * Settles setpoint commands from the devices' acknowledgements: a shared subscription ({@code
 * $share/<group>/greenbox/+/commands/ack}, QoS 1) so several workers split the acks, on a
 * persistent session (clean start false, a session expiry) so acks sent while this worker restarts
 * wait at the broker. A message is acknowledged to the broker after its settlement committed. An
 * unreadable ack is logged and counted; an ack the database could not take is dropped, because the
 * command stays in flight and its next resend brings a new ack. Nothing here stops the listener but
 * {@link #close}.
 */
public final class AckListener implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AckListener.class);

  /**
   * @param clientId stable across restarts of the same worker: the broker keeps its session
   * @param shareGroup the shared subscription's group (workers in one group split the acks)
   * @param sessionExpiry how long the broker keeps acks for this worker while it is away
   * @param password null for anonymous access; never logged
   */
  public record Settings(
      String url,
      String user,
      String password,
      String clientId,
      String shareGroup,
      Duration sessionExpiry,
      Duration timeout) {
    public Settings {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(shareGroup, "shareGroup");
      Objects.requireNonNull(sessionExpiry, "sessionExpiry");
      Objects.requireNonNull(timeout, "timeout");
    }

    String filter() {
      return "$share/" + shareGroup + "/" + AckMessages.TOPIC_FILTER;
    }

    @Override
    public String toString() {
      return "Settings[url=%s, user=%s, clientId=%s, filter=%s, sessionExpiry=%s]"
          .formatted(url, user == null ? "anonymous" : user, clientId, filter(), sessionExpiry);
    }
  }

  private final Settings settings;
  private final DeliveryStore store;
  private final Clock clock;
  private final DeliveryListener listener;
  private final MqttAsyncClient client;
  private final ScheduledExecutorService connector;
  private final AtomicLong settled = new AtomicLong();
  private final AtomicLong unreadable = new AtomicLong();
  private volatile boolean closed;

  private AckListener(
      Settings settings,
      DeliveryStore store,
      Clock clock,
      DeliveryListener listener,
      MqttAsyncClient client) {
    this.settings = settings;
    this.store = store;
    this.clock = clock;
    this.listener = listener;
    this.client = client;
    this.connector =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "setpoint-acks-connect");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Connects in the background (again every few seconds until the broker answers; afterwards Paho
   * reconnects by itself) and subscribes on every connect.
   */
  public static AckListener start(
      Settings settings, DeliveryStore store, Clock clock, DeliveryListener listener)
      throws MqttException {
    MqttAsyncClient client =
        new MqttAsyncClient(settings.url(), settings.clientId(), new MemoryPersistence());
    AckListener ackListener =
        new AckListener(
            Objects.requireNonNull(settings, "settings"),
            Objects.requireNonNull(store, "store"),
            Objects.requireNonNull(clock, "clock"),
            Objects.requireNonNull(listener, "listener"),
            client);
    client.setManualAcks(true);
    client.setCallback(ackListener.new Callback());
    ackListener.connector.execute(ackListener::connect);
    return ackListener;
  }

  private void connect() {
    if (closed) {
      return;
    }
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(false);
    options.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
    options.setAutomaticReconnect(true);
    options.setAutomaticReconnectDelay(1, 30);
    options.setConnectionTimeout(Math.max(1, (int) settings.timeout().toSeconds()));
    if (settings.user() != null) {
      options.setUserName(settings.user());
    }
    if (settings.password() != null) {
      options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
    }
    try {
      client.connect(options).waitForCompletion(settings.timeout().toMillis());
    } catch (MqttException e) {
      log.warn("setpoint acks: cannot connect to {} yet: {}", settings.url(), e.toString());
      if (!closed) {
        connector.schedule(this::connect, 5, TimeUnit.SECONDS);
      }
    }
  }

  private void subscribe() {
    try {
      IMqttToken token = client.subscribe(new MqttSubscription(settings.filter(), 1));
      token.waitForCompletion(settings.timeout().toMillis());
      int[] codes = token.getReasonCodes();
      if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
        log.error(
            "setpoint acks: the broker refused {} (reason 0x{}): check the worker's ACL",
            settings.filter(),
            Integer.toHexString(codes[0]));
        return;
      }
      log.info("setpoint acks: subscribed to {} as {}", settings.filter(), settings.clientId());
    } catch (MqttException e) {
      log.warn("setpoint acks: subscribe failed: {}", e.toString());
    }
  }

  void handle(String topic, byte[] payload) {
    String device = AckMessages.device(topic).orElse(null);
    DeviceAck ack;
    try {
      if (device == null) {
        throw new IllegalArgumentException("not an ack topic");
      }
      ack = AckMessages.parse(device, payload);
    } catch (IllegalArgumentException e) {
      unreadable.incrementAndGet();
      listener.unreadableAck();
      log.warn("setpoint ack on {} ignored: {}", topic, e.getMessage());
      return;
    }
    try {
      Settlement settlement = store.settle(ack, clock.instant());
      switch (settlement.outcome()) {
        case SETTLED -> {
          settled.incrementAndGet();
          listener.settled(
              ack.applied() ? DeliveryState.APPLIED : DeliveryState.REJECTED, settlement.latency());
          log.info(
              "setpoint {} for {}: {}{}",
              ack.commandId(),
              device,
              ack.applied() ? "applied " + ack.appliedValue() : "rejected: ",
              ack.applied() ? "" : ack.reason());
        }
        case REPEATED, LATE, UNKNOWN -> {
          listener.ackIgnored(settlement.outcome().name().toLowerCase(Locale.ROOT));
          log.debug("setpoint ack {} from {}: {}", ack.commandId(), device, settlement.outcome());
        }
      }
    } catch (Exception e) {
      // the command stays in flight: its next resend brings a new ack
      listener.ackIgnored("failed");
      log.warn("setpoint ack {} from {} not stored: {}", ack.commandId(), device, e.toString());
    }
  }

  /** Acks that settled a command, and unreadable ones, since start. */
  public long settledCount() {
    return settled.get();
  }

  public long unreadableCount() {
    return unreadable.get();
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  /** Disconnects, leaving the session (and acks arriving meanwhile) at the broker. */
  @Override
  public void close() {
    closed = true;
    connector.shutdownNow();
    PahoClients.disconnectAndClose(client, settings.timeout(), log, "setpoint acks");
  }

  private final class Callback implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage message) {
      try {
        handle(topic, message.getPayload());
      } catch (RuntimeException e) {
        log.warn("setpoint ack on {}: {}", topic, e.toString());
      } finally {
        try {
          client.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException e) {
          log.debug("setpoint acks: PUBACK failed: {}", e.toString());
        }
      }
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      // on Paho's callback thread a blocking subscribe would wait for itself
      try {
        connector.execute(AckListener.this::subscribe);
      } catch (RejectedExecutionException e) {
        log.debug("setpoint acks: connected while closing");
      }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
      if (!closed) {
        log.warn("setpoint acks: disconnected ({}), reconnecting", response);
      }
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
      log.warn("setpoint acks: {}", exception.toString());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
