package de.vorlauf.worker.config;

import de.vorlauf.worker.polling.VendorEnvironment;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads {@link WorkerConfig} from environment variables. Blank values count as unset. Every problem
 * is collected, so one start names all of them.
 */
public final class EnvironmentConfig {

  public static final String DB_URL = "VORLAUF_DB_URL";
  public static final String DB_USER = "VORLAUF_DB_USER";
  public static final String DB_PASSWORD = "VORLAUF_DB_PASSWORD";
  public static final String DB_PASSWORD_FILE = "VORLAUF_DB_PASSWORD_FILE";
  public static final String MQTT_URL = "VORLAUF_MQTT_URL";
  public static final String MQTT_USER = "VORLAUF_MQTT_USER";
  public static final String MQTT_PASSWORD = "VORLAUF_MQTT_PASSWORD";
  public static final String TEMPORAL_ADDRESS = "TEMPORAL_ADDRESS";
  public static final String TEMPORAL_NAMESPACE = "TEMPORAL_NAMESPACE";
  public static final String HEALTH_PORT = "VORLAUF_WORKER_HEALTH_PORT";
  public static final String SHUTDOWN_GRACE = "VORLAUF_WORKER_SHUTDOWN_GRACE";
  public static final String CLOCK_SKEW_THRESHOLD = "VORLAUF_CLOCK_SKEW_THRESHOLD";

  private static final Set<String> MQTT_SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  private EnvironmentConfig(Map<String, String> env) {
    this.env = env;
  }

  /**
   * @param env usually {@code System.getenv()}
   * @throws ConfigException listing every variable with a bad value
   */
  public static WorkerConfig read(Map<String, String> env) {
    return new EnvironmentConfig(env).read();
  }

  private WorkerConfig read() {
    WorkerConfig.Builder b = WorkerConfig.builder();
    text(DB_URL, this::checkJdbcUrl, b::dbUrl);
    text(DB_USER, v -> {}, b::dbUser);
    b.dbPassword(dbPassword());
    text(MQTT_URL, this::checkMqttUrl, b::mqttUrl);
    text(MQTT_USER, v -> {}, b::mqttUser);
    text(MQTT_PASSWORD, v -> {}, b::mqttPassword);
    text(TEMPORAL_ADDRESS, this::checkHostPort, b::temporalAddress);
    text(TEMPORAL_NAMESPACE, v -> {}, b::temporalNamespace);
    port(HEALTH_PORT, b::healthPort);
    duration(SHUTDOWN_GRACE, true, b::shutdownGrace);
    duration(CLOCK_SKEW_THRESHOLD, false, b::clockSkewThreshold);
    b.ingest(IngestEnvironment.read(env, problems));
    b.storage(StorageEnvironment.read(env, problems));
    b.vendorIntegrations(VendorEnvironment.read(env, problems));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return b.build();
  }

  private String value(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private void text(String name, Consumer<String> check, Consumer<String> set) {
    String value = value(name);
    if (value != null) {
      check.accept(value);
      set.accept(value);
    }
  }

  /** The file wins over the variable, so a secret never has to live in the environment. */
  private String dbPassword() {
    String file = value(DB_PASSWORD_FILE);
    if (file == null) {
      // not trimmed: a password may legitimately start or end with a space
      String direct = env.get(DB_PASSWORD);
      return direct == null || direct.isEmpty() ? null : direct;
    }
    try {
      String content = Files.readString(Path.of(file), StandardCharsets.UTF_8);
      return content.replaceAll("[\\r\\n]+$", "");
    } catch (IOException | RuntimeException e) {
      problems.add(
          "%s=%s: cannot read the password file (%s)"
              .formatted(DB_PASSWORD_FILE, file, e.getClass().getSimpleName()));
      return null;
    }
  }

  private void checkJdbcUrl(String value) {
    if (!value.startsWith("jdbc:postgresql://")) {
      problems.add(
          "%s=%s: expected a PostgreSQL JDBC URL such as %s"
              .formatted(DB_URL, value, WorkerConfig.DEFAULT_DB_URL));
    }
  }

  private void checkMqttUrl(String value) {
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null
          || !MQTT_SCHEMES.contains(uri.getScheme())
          || uri.getHost() == null
          || uri.getPort() < 1) {
        throw new URISyntaxException(value, "scheme, host or port missing");
      }
    } catch (URISyntaxException e) {
      problems.add(
          "%s=%s: expected scheme://host:port with scheme tcp, ssl, ws or wss, e.g. %s"
              .formatted(MQTT_URL, value, WorkerConfig.DEFAULT_MQTT_URL));
    }
  }

  private void checkHostPort(String value) {
    int colon = value.lastIndexOf(':');
    boolean ok = colon > 0 && colon < value.length() - 1;
    if (ok) {
      try {
        int port = Integer.parseInt(value.substring(colon + 1));
        ok = port > 0 && port <= 65535;
      } catch (NumberFormatException e) {
        ok = false;
      }
    }
    if (!ok) {
      problems.add(
          "%s=%s: expected host:port, e.g. %s"
              .formatted(TEMPORAL_ADDRESS, value, WorkerConfig.DEFAULT_TEMPORAL_ADDRESS));
    }
  }

  private void port(String name, java.util.function.IntConsumer set) {
    String value = value(name);
    if (value == null) {
      return;
    }
    try {
      int port = Integer.parseInt(value);
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      set.accept(port);
    } catch (NumberFormatException e) {
      problems.add("%s=%s: expected a port number 0-65535".formatted(name, value));
    }
  }

  private void duration(String name, boolean zeroAllowed, Consumer<Duration> set) {
    String value = value(name);
    if (value == null) {
      return;
    }
    try {
      Duration duration = Duration.parse(value);
      if (duration.isNegative() || (!zeroAllowed && duration.isZero())) {
        problems.add(
            "%s=%s: must be %s".formatted(name, value, zeroAllowed ? "zero or more" : "positive"));
      } else {
        set.accept(duration);
      }
    } catch (DateTimeParseException e) {
      problems.add(
          "%s=%s: expected an ISO-8601 duration such as PT30S or PT2M".formatted(name, value));
    }
  }
}
