package de.vorlauf.activities.optimization;

import de.vorlauf.activities.delivery.PahoClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes setpoint commands with Paho (MQTT 5, QoS 1, not retained) over one connection of the
 * worker's, opened on first use and again after it broke; {@link #publish} returns after the
 * broker's PUBACK. Clean start and in-memory persistence: an unacknowledged command is not kept
 * across restarts here, because the activity's retry publishes it again (same command id).
 * Thread-safe: publishes are serialised on the one connection.
 */
public final class MqttSetpointPublisher implements SetpointPublisher, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MqttSetpointPublisher.class);

  /**
   * The broker and the login the worker uses (its {@code VORLAUF_MQTT_*} settings).
   *
   * @param user null for anonymous access
   * @param password null for anonymous access; never logged
   */
  public record Settings(String url, String user, String password, Duration timeout) {
    public Settings {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String toString() {
      return "Settings[url=" + url + ", user=" + (user == null ? "anonymous" : user) + "]";
    }
  }

  private final Settings settings;
  private MqttAsyncClient client;
  private boolean closed;

  public MqttSetpointPublisher(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public void publish(String deviceId, byte[] payload) throws MqttException {
    publish(deviceId, payload, null);
  }

  /**
   * Publishes with an MQTT 5 message expiry interval (whole seconds, rounded up): the broker drops
   * the command rather than hand it to a device later than that.
   */
  @Override
  public void send(String deviceId, byte[] payload, Duration expiry) throws MqttException {
    publish(deviceId, payload, expiry);
  }

  private synchronized void publish(String deviceId, byte[] payload, Duration expiry)
      throws MqttException {
    if (closed) {
      throw new IllegalStateException("the setpoint publisher is closed");
    }
    MqttMessage message = new MqttMessage(payload);
    message.setQos(1);
    message.setRetained(false);
    if (expiry != null) {
      MqttProperties properties = new MqttProperties();
      long millis = Math.max(1, expiry.toMillis());
      properties.setMessageExpiryInterval((millis + 999) / 1000);
      message.setProperties(properties);
    }
    try {
      IMqttToken token = connected().publish(SetpointPublisher.topic(deviceId), message);
      token.waitForCompletion(settings.timeout().toMillis());
      int[] codes = token.getReasonCodes();
      // MQTT 5: a PUBACK may refuse (0x87 not authorised, e.g. an ACL without the command
      // topic); 0x10 "no matching subscribers" is a delivery to nobody yet, not a refusal
      if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
        throw new MqttException(codes[0]);
      }
    } catch (MqttException e) {
      // a broken connection is opened again by the next publish (the activity's retry)
      disconnect();
      throw e;
    }
  }

  private MqttAsyncClient connected() throws MqttException {
    if (client != null && client.isConnected()) {
      return client;
    }
    disconnect();
    MqttAsyncClient fresh =
        new MqttAsyncClient(
            settings.url(), "vorlauf-setpoints-" + UUID.randomUUID(), new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setAutomaticReconnect(false);
    options.setConnectionTimeout(Math.max(1, (int) settings.timeout().toSeconds()));
    if (settings.user() != null) {
      options.setUserName(settings.user());
    }
    if (settings.password() != null) {
      options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
    }
    try {
      fresh.connect(options).waitForCompletion(settings.timeout().toMillis());
    } catch (MqttException e) {
      fresh.close(true);
      throw e;
    }
    log.info("setpoint publisher connected to {}", settings.url());
    client = fresh;
    return fresh;
  }

  private void disconnect() {
    if (client == null) {
      return;
    }
    PahoClients.disconnectAndClose(client, settings.timeout(), log, "setpoint publisher");
    client = null;
  }

  @Override
  public synchronized void close() {
    closed = true;
    disconnect();
  }
}
