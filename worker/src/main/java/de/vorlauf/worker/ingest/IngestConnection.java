package de.vorlauf.worker.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
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
 * The ingestor's MQTT 5 session: persistent (clean start off, session expiry > 0), manual
 * acknowledgements, in-memory Paho persistence, subscribed again after every connect.
 *
 * <p>Reconnects are our own, every 200 ms for the first 30 s, then backing off to 5 s, instead of
 * Paho's (which waits seconds): Mosquitto 2.0.11 restores normal but not shared subscriptions from
 * its persistence after a restart, so whatever devices publish before we subscribe again reaches no
 * one when we are in a share group. The sooner we are back, the smaller that window. (A plain
 * subscription has no such window: the broker queues for the restored session.)
 */
final class IngestConnection {

  private static final Logger log = LoggerFactory.getLogger(IngestConnection.class);
  private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(15);

  /** Called on Paho's callback thread; must not block. */
  interface Listener {
    /** A new connection is up (messages of earlier ones must not be acknowledged on it). */
    void connected();

    void message(String topic, MqttMessage message);
  }

  private final MqttIngestorSettings settings;
  private final Listener listener;
  private final MqttAsyncClient client;
  private volatile boolean connected;
  private volatile boolean subscribed;
  private volatile boolean closing;
  private Thread connector;

  IngestConnection(MqttIngestorSettings settings, Listener listener) {
    this.settings = settings;
    this.listener = listener;
    try {
      this.client =
          new MqttAsyncClient(settings.url(), settings.clientId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw new IllegalArgumentException("cannot create an MQTT client for " + settings.url(), e);
    }
    client.setManualAcks(true);
    client.setCallback(new Callback());
  }

  /** Connects in the background, retrying while the broker is away. */
  void open() {
    reconnectInBackground();
  }

  boolean connected() {
    return connected;
  }

  /** True once the broker granted every subscription of the current connection. */
  boolean subscribed() {
    return subscribed;
  }

  /** Sends the PUBACK of a message received on the current connection. */
  void acknowledge(int messageId, int qos) throws MqttException {
    client.messageArrivedComplete(messageId, qos);
  }

  /**
   * Publishes a commit receipt. QoS 0: it takes no slot of the broker's inflight window (receipts
   * come as fast as commits do), and a lost one costs the device only a repeat after its timeout,
   * which is dropped by key. Never blocks; false when the client could not take it now.
   */
  boolean publishReceipt(String topic, byte[] correlation, byte[] payload) {
    MqttMessage message = new MqttMessage(payload);
    message.setQos(0);
    MqttProperties properties = new MqttProperties();
    properties.setCorrelationData(correlation);
    properties.setContentType("application/json");
    message.setProperties(properties);
    try {
      client.publish(topic, message);
      return true;
    } catch (MqttException e) {
      log.debug("receipt on {} not sent: {}", topic, e.getMessage());
      return false;
    }
  }

  private MqttConnectionOptions options() {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(false);
    options.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
    options.setReceiveMaximum(settings.receiveMaximum());
    options.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
    options.setConnectionTimeout(10);
    options.setAutomaticReconnect(false);
    if (settings.user() != null) {
      options.setUserName(settings.user());
      if (settings.password() != null) {
        options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
      }
    }
    return options;
  }

  private void connectUntilUp() {
    long started = System.nanoTime();
    long pause = 200;
    int attempts = 0;
    while (!closing) {
      try {
        client.connect(options()).waitForCompletion(15_000);
        if (awaitSubscribed()) {
          return;
        }
        // Seen once under load after a broker restart: connected, SUBSCRIBE sent, no SUBACK and
        // no failure, so nothing arrived ever again. A connection without its subscriptions is
        // useless to ingestion; drop it and connect again.
        log.warn(
            "MQTT ingestor {}: subscriptions not granted within {} s of connecting; reconnecting",
            settings.clientId(),
            SUBSCRIBE_TIMEOUT.toSeconds());
        client.disconnectForcibly(0, 1_000, false);
      } catch (MqttException e) {
        if (attempts++ % 25 == 0) {
          log.warn(
              "MQTT ingestor {}: cannot connect to {} ({}); retrying",
              settings.clientId(),
              settings.url(),
              e.getMessage());
        }
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        return;
      }
      if (System.nanoTime() - started > 30_000_000_000L) {
        pause = Math.min(pause * 2, 5_000);
      }
    }
  }

  /** Waits for the SUBACK of the subscriptions that {@code connectComplete} sends. */
  private boolean awaitSubscribed() {
    long deadline = System.nanoTime() + SUBSCRIBE_TIMEOUT.toNanos();
    while (!subscribed && !closing && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return true;
      }
    }
    return subscribed || closing;
  }

  private synchronized void reconnectInBackground() {
    if (closing || (connector != null && connector.isAlive())) {
      return;
    }
    connector = new Thread(this::connectUntilUp, "vorlauf-mqtt-connect-" + settings.lane().code());
    connector.start();
  }

  private final class Callback implements MqttCallback {

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      listener.connected();
      connected = true;
      subscribed = false;
      if (closing) {
        return;
      }
      log.info(
          "MQTT ingestor {} connected to {}; subscribing to {}",
          settings.clientId(),
          serverUri,
          String.join(", ", settings.filters()));
      try {
        String[] filters = settings.filters();
        int[] qos = new int[filters.length];
        Arrays.fill(qos, 1);
        client.subscribe(
            filters,
            qos,
            null,
            new MqttActionListener() {
              @Override
              public void onSuccess(IMqttToken token) {
                int[] codes = token.getReasonCodes();
                boolean granted = codes != null && Arrays.stream(codes).allMatch(c -> c < 0x80);
                if (granted) {
                  subscribed = true;
                  removeStaleSubscriptions();
                } else {
                  log.error(
                      "MQTT ingestor {}: the broker refused a subscription (reason codes {})",
                      settings.clientId(),
                      Arrays.toString(codes));
                }
              }

              @Override
              public void onFailure(IMqttToken token, Throwable e) {
                log.error(
                    "MQTT ingestor {}: subscribing failed: {}", settings.clientId(), e.toString());
              }
            });
      } catch (MqttException e) {
        log.error("MQTT ingestor {}: subscribing failed: {}", settings.clientId(), e.getMessage());
      }
    }

    /**
     * After our own SUBSCRIBE was granted, so that no moment passes without a subscription: a
     * session that a worker of the other kind (shared / plain) left under this client id would
     * otherwise get every message twice.
     */
    private void removeStaleSubscriptions() {
      String[] stale = settings.staleFilters();
      try {
        client.unsubscribe(
            stale,
            null,
            new MqttActionListener() {
              @Override
              public void onSuccess(IMqttToken token) {
                int[] codes = token.getReasonCodes();
                // 0x00: it existed and is gone; 0x11: there was none (the usual case)
                if (codes != null && Arrays.stream(codes).anyMatch(c -> c == 0)) {
                  log.info(
                      "MQTT ingestor {}: removed subscriptions of an earlier configuration: {}",
                      settings.clientId(),
                      String.join(", ", stale));
                }
              }

              @Override
              public void onFailure(IMqttToken token, Throwable e) {
                log.warn(
                    "MQTT ingestor {}: could not remove old subscriptions {}: {}",
                    settings.clientId(),
                    String.join(", ", stale),
                    e.toString());
              }
            },
            new MqttProperties());
      } catch (MqttException e) {
        log.warn(
            "MQTT ingestor {}: could not remove old subscriptions: {}",
            settings.clientId(),
            e.getMessage());
      }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      listener.message(topic, message);
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
      connected = false;
      subscribed = false;
      log.warn(
          "MQTT ingestor {} lost the broker ({}); unacknowledged messages will be redelivered",
          settings.clientId(),
          response.getReasonString() != null
              ? response.getReasonString()
              : response.getException());
      reconnectInBackground();
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

  /** Disconnects keeping the session (the broker holds what comes meanwhile) and releases. */
  void close() {
    Thread connecting;
    synchronized (this) {
      closing = true;
      connecting = connector;
    }
    if (connecting != null) {
      // a connect in progress must end first, or it would leave a live member in the share
      // group that takes messages and never acknowledges them
      connecting.interrupt();
      try {
        connecting.join(20_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
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
    connected = false;
    subscribed = false;
  }
}
