package de.vorlauf.webadmin.probe;

import de.vorlauf.webadmin.config.AdminConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/**
 * Publishes one QoS 1 message to a topic nobody else uses and waits for it to come back. Also asks
 * for the broker's retained {@code $SYS/broker/version} (Mosquitto offers it, HiveMQ not).
 */
@ApplicationScoped
public class MqttProbe implements Probe {

  public static final String NAME = "mqtt";
  private static final String VERSION_TOPIC = "$SYS/broker/version";
  private static final int CONNECT_TIMEOUT_SECONDS = 3;
  private static final long ROUND_TRIP_TIMEOUT_MILLIS = 3_000;
  private static final long VERSION_WAIT_MILLIS = 300;

  @Inject AdminConfig config;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ServiceCheck check() {
    String id = UUID.randomUUID().toString();
    MqttClient client = null;
    try {
      client =
          new MqttClient(
              config.mqttUrl().toString(), "vorlauf-admin-probe-" + id, new MemoryPersistence());
      client.setTimeToWait(ROUND_TRIP_TIMEOUT_MILLIS);
      client.connect(options());
      return roundTrip(client, "vorlauf/probe/admin/" + id, id);
    } catch (TimeoutException e) {
      return ServiceCheck.down(
          NAME,
          "connected, but the test message did not come back within "
              + ROUND_TRIP_TIMEOUT_MILLIS
              + " ms: check the broker's ACLs and queue limits");
    } catch (MqttException | ExecutionException | RuntimeException e) {
      return ServiceCheck.down(
          NAME,
          "cannot reach the broker at "
              + config.mqttUrl()
              + " (VORLAUF_MQTT_URL): "
              + Failures.describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ServiceCheck.down(NAME, "interrupted while probing the broker");
    } finally {
      close(client);
    }
  }

  private ServiceCheck roundTrip(MqttClient client, String topic, String payload)
      throws MqttException, InterruptedException, ExecutionException, TimeoutException {
    CompletableFuture<Long> echo = new CompletableFuture<>();
    CompletableFuture<String> version = new CompletableFuture<>();
    client.subscribe(
        new MqttSubscription[] {new MqttSubscription(topic, 1)},
        new IMqttMessageListener[] {(t, message) -> echo.complete(System.nanoTime())});
    subscribeToVersion(client, version);
    long sent = System.nanoTime();
    client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    long millis = (echo.get(ROUND_TRIP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS) - sent) / 1_000_000;
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("url", config.mqttUrl().toString());
    facts.put("round trip", millis + " ms (QoS 1)");
    facts.put("broker", brokerVersion(version));
    return ServiceCheck.up(
        NAME, "publish/subscribe round trip in " + millis + " ms", millis, facts);
  }

  private static void close(MqttClient client) {
    if (client == null) {
      return;
    }
    try {
      if (client.isConnected()) {
        client.disconnect(1_000);
      }
      client.close();
    } catch (MqttException e) {
      // the probe result is already decided; a failed close only leaks nothing but a socket
    }
  }

  private MqttConnectionOptions options() {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setServerURIs(new String[] {config.mqttUrl().toString()});
    options.setCleanStart(true);
    options.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
    options.setAutomaticReconnect(false);
    if (config.mqttAuthenticated()) {
      options.setUserName(config.mqttUser());
      if (config.mqttPassword() != null) {
        options.setPassword(config.mqttPassword().getBytes(StandardCharsets.UTF_8));
      }
    }
    return options;
  }

  /** Optional: brokers without $SYS topics may refuse the subscription. */
  private static void subscribeToVersion(MqttClient client, CompletableFuture<String> version) {
    try {
      client.subscribe(
          new MqttSubscription[] {new MqttSubscription(VERSION_TOPIC, 0)},
          new IMqttMessageListener[] {
            (t, message) ->
                version.complete(new String(message.getPayload(), StandardCharsets.UTF_8))
          });
    } catch (MqttException | RuntimeException e) {
      version.completeExceptionally(e);
    }
  }

  private static String brokerVersion(CompletableFuture<String> version) {
    try {
      return version.get(VERSION_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return "does not publish $SYS/broker/version";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
