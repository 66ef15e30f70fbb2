package de.vorlauf.testsupport.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The MQTT 5 test client of every module's tests: logs in (or not), records "topic payload" of what
 * arrives, publishes with QoS 1 and reports the PUBACK's reason code, or, as a device would, keeps
 * publishing one message until a broker that is away takes it ({@link #publishUntilAccepted}).
 */
public final class MqttTestClient implements AutoCloseable {

  /** "topic payload" of every message that arrived, in arrival order. */
  public final List<String> received = new CopyOnWriteArrayList<>();

  private final MqttAsyncClient client;
  private final MqttConnectionOptions options;

  private MqttTestClient(MqttAsyncClient client, MqttConnectionOptions options) {
    this.client = client;
    this.options = options;
  }

  /** Anonymous, client id {@code clientId} (null: a random one). */
  public static MqttTestClient connect(String url, String clientId) throws MqttException {
    return connect(url, clientId, null, null);
  }

  /**
   * Logs in as {@code user} (null: anonymous).
   *
   * @throws MqttException when the broker refuses the login (reason code 0x86 or 0x87)
   */
  public static MqttTestClient connect(String url, String clientId, String user, String password)
      throws MqttException {
    MqttAsyncClient client =
        new MqttAsyncClient(
            url, clientId == null ? "it-" + UUID.randomUUID() : clientId, new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setAutomaticReconnect(false);
    options.setConnectionTimeout(5);
    if (user != null) {
      options.setUserName(user);
      options.setPassword(password.getBytes(StandardCharsets.UTF_8));
    }
    MqttTestClient test = new MqttTestClient(client, options);
    // a callback, not per-subscription listeners: Paho does not match $share/... filters
    client.setCallback(new Recorder(test.received));
    try {
      client.connect(options).waitForCompletion(10_000);
    } catch (MqttException e) {
      client.close(true);
      throw e;
    }
    return test;
  }

  /** Subscribes with QoS 1 and returns once the broker sent its SUBACK. */
  public MqttTestClient subscribe(String... filters) throws MqttException {
    for (String filter : filters) {
      client.subscribe(new MqttSubscription(filter, 1)).waitForCompletion(10_000);
    }
    return this;
  }

  /** Subscribes with QoS 1; the SUBACK's reason code: 0 or 1 granted, 0x87 not authorized. */
  public int subscribeReason(String filter) throws MqttException {
    return reasonCode(client.subscribe(new MqttSubscription(filter, 1)));
  }

  /**
   * QoS 1; the PUBACK's reason code: below 0x80 accepted (0, or 0x10 when nobody subscribed), 0x87
   * not authorized.
   */
  public int publish(String topic, String payload) throws MqttException {
    return publish(topic, payload.getBytes(StandardCharsets.UTF_8));
  }

  public int publish(String topic, byte[] payload) throws MqttException {
    MqttMessage message = new MqttMessage(payload);
    message.setQos(1);
    return reasonCode(client.publish(topic, message));
  }

  /** The acknowledgement's first reason code, also when the broker refused by disconnecting. */
  private static int reasonCode(IMqttToken token) throws MqttException {
    try {
      token.waitForCompletion(10_000);
      int[] codes = token.getReasonCodes();
      return codes == null || codes.length == 0 ? 0 : codes[0];
    } catch (MqttException e) {
      if (e.getReasonCode() >= 0x80 && e.getReasonCode() <= 0xFF) {
        return e.getReasonCode();
      }
      throw e;
    }
  }

  /**
   * Publishes until the broker acknowledged, reconnecting while it is away, for at most {@code
   * patience}: "published" then means "the broker has it". A repeat may arrive twice, which
   * ingestion must absorb, as with a real device.
   */
  public void publishUntilAccepted(String topic, byte[] payload, Duration patience)
      throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      try {
        if (!client.isConnected()) {
          client.connect(options).waitForCompletion(5_000);
        }
        publish(topic, payload);
        return;
      } catch (MqttException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("broker did not take " + topic + " in " + patience, e);
        }
        // the broker is away (an outage test): a short pause between connection attempts
        Thread.sleep(200);
      }
    }
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  /**
   * After a refused publish the broker closes the connection itself; a disconnect racing with that
   * finds the client already disconnecting, which is fine here.
   */
  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      try {
        client.disconnect().waitForCompletion(5_000);
      } catch (MqttException e) {
        // a broker that refused a publish closes the connection; the client may not know yet,
        // and its DISCONNECT then waits for a socket that is gone: the close below ends it
        if (e.getReasonCode() != MqttClientException.REASON_CODE_CLIENT_DISCONNECTING
            && e.getReasonCode() != MqttClientException.REASON_CODE_CLIENT_ALREADY_DISCONNECTED
            && e.getReasonCode() != MqttClientException.REASON_CODE_CLIENT_TIMEOUT) {
          throw e;
        }
      }
    }
    client.close(true);
  }

  private record Recorder(List<String> received) implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage message) {
      received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {}

    @Override
    public void mqttErrorOccurred(MqttException exception) {}

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
