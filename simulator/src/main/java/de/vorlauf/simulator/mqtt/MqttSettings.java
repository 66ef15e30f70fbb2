package de.vorlauf.simulator.mqtt;

import java.time.Duration;
import java.util.Objects;

/**
 * How every simulated connection talks to the broker.
 *
 * @param maxInflight QoS 1 messages a connection sends before it waits for PUBACKs; capped by the
 *     broker's Receive Maximum from the CONNACK
 * @param clientIdPrefix client ids are this prefix plus the login's user name, stable across
 *     restarts so a broker never keeps two sessions for one simulated gateway
 * @param reconnectMax the longest pause between two connection attempts (backoff doubles up to it)
 * @param backlogWindow backlog messages a connection sends before it waits for ingestion's commit
 *     receipts: what the broker can hold of this connection's backlog, whatever ingestion's pace
 * @param receiptTimeout a backlog message without a receipt after this long is sent again (a lost
 *     receipt, a worker restart); the repeat is dropped by key if it had been stored
 */
public record MqttSettings(
    String url,
    int maxInflight,
    String clientIdPrefix,
    Duration keepAlive,
    Duration reconnectMax,
    int backlogWindow,
    Duration receiptTimeout) {

  public MqttSettings {
    Objects.requireNonNull(url, "url");
    if (maxInflight < 1 || maxInflight > 65_535) {
      throw new IllegalArgumentException("maxInflight must be 1..65535, not " + maxInflight);
    }
    if (backlogWindow < 1 || receiptTimeout.isNegative() || receiptTimeout.isZero()) {
      throw new IllegalArgumentException("backlogWindow and receiptTimeout must be positive");
    }
  }

  public static MqttSettings of(String url) {
    return new MqttSettings(
        url,
        500,
        "vorlauf-sim-",
        Duration.ofSeconds(30),
        Duration.ofSeconds(30),
        200,
        Duration.ofSeconds(30));
  }

  public MqttSettings withMaxInflight(int value) {
    return new MqttSettings(
        url, value, clientIdPrefix, keepAlive, reconnectMax, backlogWindow, receiptTimeout);
  }

  public MqttSettings withBacklog(int window, Duration timeout) {
    return new MqttSettings(
        url, maxInflight, clientIdPrefix, keepAlive, reconnectMax, window, timeout);
  }
}
