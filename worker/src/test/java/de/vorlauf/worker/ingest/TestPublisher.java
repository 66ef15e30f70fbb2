package de.vorlauf.worker.ingest;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * A device stand-in: publishes with QoS 1 and returns only after the broker acknowledged. When the
 * broker is away it waits and publishes the same message again (as a device would), so "published"
 * means "the broker has it" — a repeat may arrive twice, which ingestion must absorb.
 */
final class TestPublisher implements AutoCloseable {

  private final MqttClient client;
  private final MqttConnectionOptions options;

  TestPublisher(String url) throws MqttException {
    client = new MqttClient(url, "it-pub-" + UUID.randomUUID(), new MemoryPersistence());
    options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setAutomaticReconnect(true);
    options.setAutomaticReconnectDelay(1, 2);
    options.setConnectionTimeout(5);
    client.setTimeToWait(5_000);
    client.connect(options);
  }

  void publish(String topic, String payload) throws InterruptedException {
    publish(topic, payload.getBytes(StandardCharsets.UTF_8));
  }

  void publish(String topic, byte[] payload) throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (true) {
      try {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        client.publish(topic, message);
        return;
      } catch (MqttException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("broker did not take " + topic + " for 2 min", e);
        }
        Thread.sleep(200);
        if (!client.isConnected()) {
          try {
            client.reconnect();
          } catch (MqttException ignored) {
            // automatic reconnect may be at it already; try again next round
          }
        }
      }
    }
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close(true);
  }
}
