package de.vorlauf.ingest.brokeraccess;

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

/** An MQTT 5 client that logs in, records "topic payload" of what arrives and PUBACK codes. */
final class TestMqttClient implements AutoCloseable {

  final List<String> received = new CopyOnWriteArrayList<>();
  private final MqttAsyncClient client;

  private TestMqttClient(MqttAsyncClient client) {
    this.client = client;
  }

  /**
   * @throws MqttException when the broker refuses the login (reason code 0x86 or 0x87)
   */
  static TestMqttClient connect(String url, String user, String password) throws MqttException {
    MqttAsyncClient client =
        new MqttAsyncClient(url, "it-" + UUID.randomUUID(), new MemoryPersistence());
    TestMqttClient test = new TestMqttClient(client);
    // a callback, not per-subscription listeners: Paho does not match $share/... filters
    client.setCallback(new Recorder(test.received));
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setAutomaticReconnect(false);
    options.setUserName(user);
    options.setPassword(password.getBytes(StandardCharsets.UTF_8));
    try {
      client.connect(options).waitForCompletion(10_000);
    } catch (MqttException e) {
      client.close(true);
      throw e;
    }
    return test;
  }

  TestMqttClient subscribe(String... filters) throws MqttException {
    for (String filter : filters) {
      client.subscribe(new MqttSubscription(filter, 1)).waitForCompletion(10_000);
    }
    return this;
  }

  /**
   * QoS 1; the PUBACK's reason code: below 0x80 accepted (0, or 0x10 when nobody subscribed), 0x87
   * not authorized.
   */
  int publish(String topic, String payload) throws MqttException {
    MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
    message.setQos(1);
    IMqttToken token = client.publish(topic, message);
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

  boolean isConnected() {
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
        if (e.getReasonCode() != MqttClientException.REASON_CODE_CLIENT_DISCONNECTING
            && e.getReasonCode() != MqttClientException.REASON_CODE_CLIENT_ALREADY_DISCONNECTED) {
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
