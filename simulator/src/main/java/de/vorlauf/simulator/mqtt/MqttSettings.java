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
 */
public record MqttSettings(
    String url, int maxInflight, String clientIdPrefix, Duration keepAlive, Duration reconnectMax) {

  public MqttSettings {
    Objects.requireNonNull(url, "url");
    if (maxInflight < 1 || maxInflight > 65_535) {
      throw new IllegalArgumentException("maxInflight must be 1..65535, not " + maxInflight);
    }
  }

  public static MqttSettings of(String url) {
    return new MqttSettings(
        url, 500, "vorlauf-sim-", Duration.ofSeconds(30), Duration.ofSeconds(30));
  }

  public MqttSettings withMaxInflight(int value) {
    return new MqttSettings(url, value, clientIdPrefix, keepAlive, reconnectMax);
  }
}
