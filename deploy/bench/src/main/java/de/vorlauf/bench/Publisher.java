package de.vorlauf.bench;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * One device's MQTT connection publishing QoS 1 without waiting for each PUBACK: as many messages
 * in flight as the broker's Receive Maximum allows, which is how a gateway with a backlog
 * publishes.
 */
final class Publisher implements AutoCloseable {

  private final MqttAsyncClient client;
  private final Semaphore inFlight;
  private final int window;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  private Publisher(MqttAsyncClient client, int receiveMaximum) {
    this.client = client;
    this.window = receiveMaximum;
    this.inFlight = new Semaphore(receiveMaximum);
  }

  static Publisher connect(String url, String clientId) throws MqttException {
    MqttAsyncClient client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setAutomaticReconnect(false);
    IMqttToken connected = client.connect(options);
    connected.waitForCompletion(10_000);
    Integer serverMaximum = connected.getResponseProperties().getReceiveMaximum();
    int window = serverMaximum == null ? 100 : Math.min(serverMaximum, 500);
    return new Publisher(client, window);
  }

  void publish(String topic, byte[] payload) throws Exception {
    Throwable failed = failure.get();
    if (failed != null) {
      throw new IllegalStateException(
          "an earlier publish of " + client.getClientId() + " failed", failed);
    }
    inFlight.acquire();
    client.publish(
        topic,
        payload,
        1,
        false,
        null,
        new MqttActionListener() {
          @Override
          public void onSuccess(IMqttToken token) {
            inFlight.release();
          }

          @Override
          public void onFailure(IMqttToken token, Throwable exception) {
            failure.compareAndSet(null, exception);
            inFlight.release();
          }
        });
  }

  /** Waits until every message this publisher sent was acknowledged by the broker. */
  void drain() throws InterruptedException {
    // all permits back means nothing is in flight
    if (!inFlight.tryAcquire(window, 5, TimeUnit.MINUTES)) {
      throw new IllegalStateException(client.getClientId() + ": PUBACKs missing after 5 minutes");
    }
    inFlight.release(window);
  }

  @Override
  public void close() throws MqttException {
    client.disconnect().waitForCompletion(10_000);
    client.close();
  }
}
