package de.vorlauf.ingest.mqtt;

import java.time.Duration;
import java.util.Objects;

/**
 * How a round trip reaches the MQTT broker.
 *
 * @param url e.g. tcp://127.0.0.1:11883
 * @param user null for anonymous access
 * @param password null for anonymous access; never logged
 * @param connectTimeout bound for connecting and for each acknowledged operation
 * @param receiveTimeout how long the round trip waits for its message to come back
 */
public record RoundTripSettings(
    String url, String user, String password, Duration connectTimeout, Duration receiveTimeout) {

  public RoundTripSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(receiveTimeout, "receiveTimeout");
  }

  @Override
  public String toString() {
    return "RoundTripSettings[url=%s, user=%s, password=%s, connectTimeout=%s, receiveTimeout=%s]"
        .formatted(
            url,
            user == null ? "anonymous" : user,
            password == null ? "none" : "***",
            connectTimeout,
            receiveTimeout);
  }
}
