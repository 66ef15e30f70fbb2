package de.vorlauf.worker.ingest;

import de.vorlauf.testsupport.mqtt.MqttTestClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * A device stand-in on test-support's {@link MqttTestClient}: publishes with QoS 1 and returns only
 * after the broker acknowledged. When the broker is away it reconnects and publishes the same
 * message again (as a device would), so "published" means "the broker has it" — a repeat may arrive
 * twice, which ingestion must absorb.
 */
final class TestPublisher implements AutoCloseable {

  private static final Duration PATIENCE = Duration.ofMinutes(2);

  private final MqttTestClient client;

  TestPublisher(String url) throws MqttException {
    client = MqttTestClient.connect(url, "it-pub-" + UUID.randomUUID());
  }

  void publish(String topic, String payload) throws InterruptedException {
    publish(topic, payload.getBytes(StandardCharsets.UTF_8));
  }

  void publish(String topic, byte[] payload) throws InterruptedException {
    client.publishUntilAccepted(topic, payload, PATIENCE);
  }

  @Override
  public void close() throws MqttException {
    client.close();
  }
}
