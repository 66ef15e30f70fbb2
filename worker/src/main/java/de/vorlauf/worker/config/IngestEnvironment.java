package de.vorlauf.worker.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Reads {@link MqttIngestConfig} from the environment; problems are added to the caller's list. */
final class IngestEnvironment {

  static final String ENABLED = "VORLAUF_INGEST_ENABLED";
  static final String MQTT_CLIENT_ID = "VORLAUF_MQTT_CLIENT_ID";
  static final String SHARE_GROUP = "VORLAUF_MQTT_SHARE_GROUP";
  static final String RECEIVE_MAXIMUM = "VORLAUF_MQTT_RECEIVE_MAXIMUM";
  static final String SESSION_EXPIRY = "VORLAUF_MQTT_SESSION_EXPIRY";
  static final String THREADS = "VORLAUF_INGEST_THREADS";
  static final String BATCH_ROWS = "VORLAUF_INGEST_BATCH_ROWS";
  static final String LINGER = "VORLAUF_INGEST_LINGER";
  static final String QUEUE_ROWS = "VORLAUF_INGEST_QUEUE_ROWS";
  static final String QUARANTINE_CAP = "VORLAUF_INGEST_QUARANTINE_CAP";
  static final String OFFLINE_MINUTES = "VORLAUF_INGEST_OFFLINE_MINUTES";

  private final Map<String, String> env;
  private final List<String> problems;

  private IngestEnvironment(Map<String, String> env, List<String> problems) {
    this.env = env;
    this.problems = problems;
  }

  static MqttIngestConfig read(Map<String, String> env, List<String> problems) {
    return new IngestEnvironment(env, problems).read();
  }

  private MqttIngestConfig read() {
    MqttIngestConfig d = MqttIngestConfig.defaults();
    String enabled = value(ENABLED);
    if (enabled != null && !enabled.equals("true") && !enabled.equals("false")) {
      problems.add(ENABLED + "=" + enabled + ": expected true or false");
    }
    String clientId = value(MQTT_CLIENT_ID);
    if (clientId != null && (clientId.length() > 128 || clientId.contains("/"))) {
      problems.add(MQTT_CLIENT_ID + "=" + clientId + ": at most 128 characters, no '/'");
    }
    String group = value(SHARE_GROUP);
    if (group != null && !group.matches("[A-Za-z0-9._-]+")) {
      problems.add(SHARE_GROUP + "=" + group + ": letters, digits, '.', '_' and '-' only");
    }
    int batchRows = integer(BATCH_ROWS, d.batchRows(), 1, 1_000_000);
    int queueRows = integer(QUEUE_ROWS, d.queueRows(), 1, 100_000_000);
    if (queueRows < batchRows) {
      problems.add(QUEUE_ROWS + " must be at least " + BATCH_ROWS + " (" + batchRows + ")");
    }
    return new MqttIngestConfig(
        enabled == null ? d.enabled() : enabled.equals("true"),
        clientId,
        group == null ? d.shareGroup() : group,
        integer(RECEIVE_MAXIMUM, d.receiveMaximum(), 1, 65_535),
        duration(SESSION_EXPIRY, d.sessionExpiry()),
        integer(THREADS, d.threads(), 1, 64),
        batchRows,
        duration(LINGER, d.linger()),
        queueRows,
        integer(QUARANTINE_CAP, (int) d.quarantineCap(), 0, Integer.MAX_VALUE),
        Duration.ofMinutes(
            integer(OFFLINE_MINUTES, (int) d.offlineAfter().toMinutes(), 1, 100_000)));
  }

  private String value(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private int integer(String name, int fallback, int min, int max) {
    String value = value(name);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < min || parsed > max) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      problems.add("%s=%s: expected a whole number %d..%d".formatted(name, value, min, max));
      return fallback;
    }
  }

  private Duration duration(String name, Duration fallback) {
    String value = value(name);
    if (value == null) {
      return fallback;
    }
    try {
      Duration parsed = Duration.parse(value);
      if (parsed.isNegative() || parsed.isZero()) {
        problems.add(name + "=" + value + ": must be positive");
        return fallback;
      }
      return parsed;
    } catch (DateTimeParseException e) {
      problems.add(name + "=" + value + ": expected an ISO-8601 duration such as PT0.05S or P7D");
      return fallback;
    }
  }
}
