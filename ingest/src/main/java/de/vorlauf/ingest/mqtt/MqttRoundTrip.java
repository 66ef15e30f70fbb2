package de.vorlauf.ingest.mqtt;

import de.vorlauf.ingest.mqtt.MqttProbeException.Failure;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One QoS 1 publish→receive round trip through the broker with a throwaway client: clean start, no
 * session kept, a topic nobody else uses, in-memory persistence (Paho's default would write
 * in-flight messages to files in the working directory). The worker's self-check and the admin
 * WAR's status probe both use it, each under its own {@link RoundTripScope}.
 */
public class MqttRoundTrip {

  /** MQTT 5 user property carrying the publisher's clock, ISO-8601. */
  static final String SENT_AT = "sent-at";

  /** Retained by Mosquitto; HiveMQ has no {@code $SYS} topics. */
  public static final String VERSION_TOPIC = "$SYS/broker/version";

  /** How long to wait for the retained version after the message came back. */
  private static final long VERSION_WAIT_MILLIS = 300;

  private static final Logger log = LoggerFactory.getLogger(MqttRoundTrip.class);

  /**
   * A message that made the trip.
   *
   * @param sentAt the publisher's clock as carried in the message
   * @param publishedAt local clock just before publishing
   * @param receivedAt local clock on arrival
   * @param brokerVersion the broker's {@value #VERSION_TOPIC}; empty when the scope does not ask
   *     for it or the broker does not publish it
   */
  public record Result(
      String topic,
      long latencyNanos,
      Instant sentAt,
      Instant publishedAt,
      Instant receivedAt,
      Optional<String> brokerVersion) {}

  private record Arrival(long nanos, Instant at, MqttMessage message) {}

  private final RoundTripSettings settings;
  private final RoundTripScope scope;
  private final Clock clock;

  public MqttRoundTrip(RoundTripSettings settings, RoundTripScope scope, Clock clock) {
    this.settings = settings;
    this.scope = scope;
    this.clock = clock;
  }

  public String brokerUrl() {
    return settings.url();
  }

  /**
   * A round trip on the scope's prefix plus a fresh UUID.
   *
   * @throws MqttProbeException when the broker cannot be reached or the message does not return
   */
  public Result run() {
    return runOn(scope.topicPrefix() + UUID.randomUUID());
  }

  /**
   * @param topicKey made part of the topic (wildcards and separators replaced)
   * @throws MqttProbeException when the broker cannot be reached or the message does not return
   */
  public Result run(String topicKey) {
    return runOn(scope.topicPrefix() + topicSafe(topicKey) + "/" + UUID.randomUUID());
  }

  private Result runOn(String topic) {
    String nonce = UUID.randomUUID().toString();
    CompletableFuture<Arrival> arrival = new CompletableFuture<>();
    CompletableFuture<String> version = new CompletableFuture<>();
    MqttClient client = newClient();
    try {
      client.setCallback(new ArrivalCallback(topic, arrival, version, clock));
      client.connect(connectionOptions());
      IMqttToken subscription = client.subscribe(topic, 1);
      int granted = subscription.getReasonCodes()[0];
      if (granted > 1) {
        throw new MqttProbeException(
            Failure.NOT_RETURNED,
            "broker %s refused the QoS 1 subscription to %s (reason code %d)"
                .formatted(settings.url(), topic, granted));
      }
      if (scope.readsBrokerVersion()) {
        subscribeToVersion(client, version);
      }
      Instant publishedAt = clock.instant();
      long publishedNanos = System.nanoTime();
      client.publish(topic, message(nonce, publishedAt));
      Arrival arrived = awaitArrival(arrival, topic);
      String payload = new String(arrived.message().getPayload(), StandardCharsets.UTF_8);
      if (!payload.equals(nonce)) {
        throw new MqttProbeException(
            Failure.ALTERED, "message on " + topic + " came back altered: " + payload);
      }
      return new Result(
          topic,
          arrived.nanos() - publishedNanos,
          sentAt(arrived.message(), topic),
          publishedAt,
          arrived.at(),
          scope.readsBrokerVersion() ? brokerVersion(version) : Optional.empty());
    } catch (MqttException e) {
      throw new MqttProbeException(
          Failure.UNREACHABLE, "MQTT broker %s: %s".formatted(settings.url(), describe(e)), e);
    } finally {
      close(client);
    }
  }

  private MqttClient newClient() {
    try {
      MqttClient client =
          new MqttClient(
              settings.url(), scope.clientIdPrefix() + UUID.randomUUID(), new MemoryPersistence());
      client.setTimeToWait(settings.connectTimeout().toMillis());
      return client;
    } catch (MqttException | IllegalArgumentException e) {
      throw new MqttProbeException(
          Failure.UNREACHABLE, "invalid MQTT URL " + settings.url() + ": " + e.getMessage(), e);
    }
  }

  private MqttConnectionOptions connectionOptions() {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setSessionExpiryInterval(0L);
    options.setAutomaticReconnect(false);
    options.setConnectionTimeout(Math.max(1, (int) settings.connectTimeout().toSeconds()));
    if (settings.user() != null) {
      options.setUserName(settings.user());
    }
    if (settings.password() != null) {
      options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
    }
    return options;
  }

  private static MqttMessage message(String nonce, Instant publishedAt) {
    MqttMessage message = new MqttMessage(nonce.getBytes(StandardCharsets.UTF_8));
    message.setQos(1);
    message.setRetained(false);
    MqttProperties properties = new MqttProperties();
    properties.setUserProperties(List.of(new UserProperty(SENT_AT, publishedAt.toString())));
    message.setProperties(properties);
    return message;
  }

  private Arrival awaitArrival(CompletableFuture<Arrival> arrival, String topic) {
    try {
      return arrival.get(settings.receiveTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new MqttProbeException(
          Failure.NOT_RETURNED,
          "published to %s on %s but nothing arrived within %d ms"
              .formatted(topic, settings.url(), settings.receiveTimeout().toMillis()));
    } catch (ExecutionException e) {
      // disconnected or failed while waiting: the message did not come back
      throw new MqttProbeException(
          Failure.NOT_RETURNED,
          "MQTT broker %s: %s".formatted(settings.url(), e.getCause().getMessage()),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MqttProbeException(
          Failure.INTERRUPTED, "interrupted while waiting for " + topic, e);
    }
  }

  /** Optional: a broker without $SYS topics may refuse the subscription or never answer. */
  private static void subscribeToVersion(MqttClient client, CompletableFuture<String> version) {
    try {
      IMqttToken token = client.subscribe(VERSION_TOPIC, 0);
      if (token.getReasonCodes()[0] > 0) {
        version.complete(null);
      }
    } catch (MqttException | RuntimeException e) {
      log.debug("no subscription to {}", VERSION_TOPIC, e);
      version.complete(null);
    }
  }

  private static Optional<String> brokerVersion(CompletableFuture<String> version) {
    try {
      return Optional.ofNullable(version.get(VERSION_WAIT_MILLIS, TimeUnit.MILLISECONDS));
    } catch (TimeoutException | ExecutionException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static Instant sentAt(MqttMessage message, String topic) {
    MqttProperties properties = message.getProperties();
    List<UserProperty> userProperties =
        properties == null ? List.of() : properties.getUserProperties();
    return userProperties.stream()
        .filter(p -> SENT_AT.equals(p.getKey()))
        .findFirst()
        .map(
            p -> {
              try {
                return Instant.parse(p.getValue());
              } catch (DateTimeParseException e) {
                throw new MqttProbeException(
                    Failure.ALTERED, "message on " + topic + " has a bad sent-at", e);
              }
            })
        .orElseThrow(
            () ->
                new MqttProbeException(
                    Failure.ALTERED,
                    "message on " + topic + " lost its sent-at property (MQTT 5 broker?)"));
  }

  static String topicSafe(String key) {
    return key.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static String describe(MqttException e) {
    Throwable cause = e.getCause();
    String message = e.getMessage() == null ? "reason code " + e.getReasonCode() : e.getMessage();
    return cause == null || cause.getMessage() == null
        ? message
        : message + " (" + cause.getMessage() + ")";
  }

  private static void close(MqttClient client) {
    try {
      if (client.isConnected()) {
        client.disconnect();
      }
    } catch (MqttException e) {
      log.debug("MQTT disconnect failed, closing forcibly", e);
      try {
        client.disconnectForcibly(0, 1000, false);
      } catch (MqttException ignored) {
        // the connection is gone either way; close below releases the client
      }
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      log.debug("MQTT client close failed", e);
    }
  }

  private record ArrivalCallback(
      String topic,
      CompletableFuture<Arrival> arrival,
      CompletableFuture<String> version,
      Clock clock)
      implements MqttCallback {

    @Override
    public void messageArrived(String arrivedTopic, MqttMessage message) {
      if (topic.equals(arrivedTopic)) {
        arrival.complete(new Arrival(System.nanoTime(), clock.instant(), message));
      } else if (VERSION_TOPIC.equals(arrivedTopic)) {
        version.complete(new String(message.getPayload(), StandardCharsets.UTF_8));
      }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
      arrival.completeExceptionally(
          new IllegalStateException("disconnected by the broker: " + response.getReasonString()));
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
      arrival.completeExceptionally(exception);
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
