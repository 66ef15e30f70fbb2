package de.vorlauf.activities.mqtt;

import java.time.Duration;
import java.util.Objects;

/**
 * How the worker reaches the MQTT broker.
 *
 * @param url e.g. tcp://127.0.0.1:11883
 * @param user null for anonymous access
 * @param password null for anonymous access; never logged
 * @param connectTimeout bound for connecting and for each acknowledged operation
 * @param receiveTimeout how long the round trip waits for its message to come back
 */
public record MqttSettings(
    String url, String user, String password, Duration connectTimeout, Duration receiveTimeout) {

  public MqttSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(receiveTimeout, "receiveTimeout");
  }

  @Override
  public String toString() {
    return "MqttSettings[url=%s, user=%s, password=%s, connectTimeout=%s, receiveTimeout=%s]"
        .formatted(
            url,
            user == null ? "anonymous" : user,
            password == null ? "none" : "***",
            connectTimeout,
            receiveTimeout);
  }
}
