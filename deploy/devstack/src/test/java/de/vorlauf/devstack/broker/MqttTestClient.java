package de.vorlauf.devstack.broker;

import java.nio.charset.StandardCharsets;
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

/** A Paho MQTT 5 client for broker tests that records what it receives. */
final class MqttTestClient implements AutoCloseable {

  private final MqttAsyncClient client;
  final List<String> received = new CopyOnWriteArrayList<>();

  MqttTestClient(String url) throws MqttException {
    this(url, 65535);
  }

  /** {@code receiveMaximum}: QoS 1 messages the broker may have in flight to this client. */
  MqttTestClient(String url, int receiveMaximum) throws MqttException {
    this(url, receiveMaximum, null);
  }

  /** Logs in as {@code login} (null: anonymous). */
  MqttTestClient(String url, MqttLogin login) throws MqttException {
    this(url, 65535, login);
  }

  private MqttTestClient(String url, int receiveMaximum, MqttLogin login) throws MqttException {
    client = new MqttAsyncClient(url, "it-" + UUID.randomUUID(), new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    if (login != null) {
      options.setUserName(login.user());
      options.setPassword(login.password().getBytes(StandardCharsets.UTF_8));
    }
    options.setCleanStart(true);
    options.setAutomaticReconnect(false);
    options.setReceiveMaximum(receiveMaximum);
    // a callback, not a per-subscription listener: Paho does not match $share/... filters
    client.setCallback(new Recorder(received));
    client.connect(options).waitForCompletion(10_000);
  }

  MqttTestClient subscribe(String filter) throws MqttException {
    client.subscribe(new MqttSubscription(filter, 1)).waitForCompletion(10_000);
    return this;
  }

  IMqttToken publish(String topic, String payload) throws MqttException {
    MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
    message.setQos(1);
    return client.publish(topic, message);
  }

  /**
   * Publishes {@code count} QoS 1 messages as fast as the broker's receive maximum allows and waits
   * until the broker has acknowledged all of them.
   */
  void publishBurst(String topic, int count, int payloadBytes) throws MqttException {
    String padding = "x".repeat(Math.max(0, payloadBytes - 12));
    IMqttToken last = null;
    for (int i = 0; i < count; i++) {
      last = publishWhenAllowed(topic, String.format("%010d:", i) + padding);
    }
    if (last != null) {
      last.waitForCompletion(60_000);
    }
    while (client.getPendingTokens().length > 0) {
      sleep();
    }
  }

  private IMqttToken publishWhenAllowed(String topic, String payload) throws MqttException {
    while (true) {
      try {
        return publish(topic, payload);
      } catch (MqttException e) {
        if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
          throw e;
        }
        sleep();
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private record Recorder(List<String> received) implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage message) {
      received.add(new String(message.getPayload(), StandardCharsets.UTF_8));
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

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      try {
        client.disconnect().waitForCompletion(5_000);
      } catch (MqttException e) {
        // after a refused publish the broker closes the connection itself: a race, not an error
        if (e.getReasonCode() != MqttClientException.REASON_CODE_CLIENT_DISCONNECTING
            && e.getReasonCode() != MqttClientException.REASON_CODE_CLIENT_ALREADY_DISCONNECTED) {
          throw e;
        }
      }
    }
    client.close(true);
  }
}
