package de.vorlauf.webadmin.config;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the admin WAR reads from the environment, parsed once at startup. The datasource and
 * the login realm are configured in WildFly itself (deploy/wildfly CLI scripts), not here.
 *
 * @param mqttPassword never logged; {@link #toString()} masks it
 */
public record AdminConfig(
    URI mqttUrl,
    String mqttUser,
    String mqttPassword,
    String temporalAddress,
    String temporalNamespace,
    Optional<URI> temporalUiUrl,
    URI workerHealthUrl,
    ServiceOrigins origins) {

  public static final String DEFAULT_MQTT_URL = "tcp://127.0.0.1:11883";
  public static final String DEFAULT_TEMPORAL_ADDRESS = "127.0.0.1:17233";
  public static final String DEFAULT_NAMESPACE = "default";
  public static final String DEFAULT_WORKER_HEALTH_URL = "http://127.0.0.1:18081/health";

  public AdminConfig {
    Objects.requireNonNull(mqttUrl, "mqttUrl");
    Objects.requireNonNull(temporalAddress, "temporalAddress");
    Objects.requireNonNull(temporalNamespace, "temporalNamespace");
    Objects.requireNonNull(temporalUiUrl, "temporalUiUrl");
    Objects.requireNonNull(workerHealthUrl, "workerHealthUrl");
    Objects.requireNonNull(origins, "origins");
  }

  /**
   * Reads the variables of the contract table; unset or blank variables take their defaults.
   *
   * @throws IllegalArgumentException naming the variable whose value cannot be used
   */
  public static AdminConfig fromEnvironment(Map<String, String> env) {
    return new AdminConfig(
        uri(env, "VORLAUF_MQTT_URL", DEFAULT_MQTT_URL),
        blankToNull(env.get("VORLAUF_MQTT_USER")),
        blankToNull(env.get("VORLAUF_MQTT_PASSWORD")),
        hostAndPort(env, "TEMPORAL_ADDRESS", DEFAULT_TEMPORAL_ADDRESS),
        value(env, "TEMPORAL_NAMESPACE", DEFAULT_NAMESPACE),
        Optional.ofNullable(blankToNull(env.get("VORLAUF_TEMPORAL_UI_URL")))
            .map(url -> uri("VORLAUF_TEMPORAL_UI_URL", url)),
        uri(env, "VORLAUF_WORKER_HEALTH_URL", DEFAULT_WORKER_HEALTH_URL),
        ServiceOrigins.parse(env.get("VORLAUF_SERVICE_ORIGINS")));
  }

  public boolean mqttAuthenticated() {
    return mqttUser != null;
  }

  @Override
  public String toString() {
    return "AdminConfig[mqttUrl=%s, mqttUser=%s, mqttPassword=%s, temporalAddress=%s, namespace=%s, temporalUiUrl=%s, workerHealthUrl=%s, origins=%s]"
        .formatted(
            mqttUrl,
            mqttUser,
            mqttPassword == null ? "(unset)" : "****",
            temporalAddress,
            temporalNamespace,
            temporalUiUrl.map(URI::toString).orElse("(unset)"),
            workerHealthUrl,
            origins);
  }

  private static String value(Map<String, String> env, String name, String fallback) {
    String value = blankToNull(env.get(name));
    return value == null ? fallback : value;
  }

  private static URI uri(Map<String, String> env, String name, String fallback) {
    return uri(name, value(env, name, fallback));
  }

  private static URI uri(String name, String value) {
    try {
      URI uri = URI.create(value.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          name + "='" + value + "' is not a URL such as scheme://host:port/path", e);
    }
  }

  private static String hostAndPort(Map<String, String> env, String name, String fallback) {
    String value = value(env, name, fallback).strip();
    int colon = value.lastIndexOf(':');
    boolean valid = colon > 0 && colon < value.length() - 1;
    if (valid) {
      try {
        int port = Integer.parseInt(value.substring(colon + 1));
        valid = port > 0 && port < 65536;
      } catch (NumberFormatException e) {
        valid = false;
      }
    }
    if (!valid) {
      throw new IllegalArgumentException(name + "='" + value + "' is not host:port");
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
