package de.vorlauf.webadmin.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Settings of REST ingestion and of device credentials, read once from the environment. The
 * variable names of settings the worker shares are the worker's (VORLAUF_INGEST_*).
 *
 * @param maxBodyBytes larger bodies of {@code POST /api/v1/ingest} get 413 (read with this cap,
 *     never buffered beyond it)
 * @param queueRows readings accepted but not committed before REST answers 503
 * @param quarantineCap rows the quarantine holds at most
 * @param offlineAfter a device is offline after this long without a message
 * @param commitTimeout how long a request waits for its commit before answering 503
 * @param rotationOverlap how long a rotated-out credential stays valid by default
 * @param rawRetention readings older than this are refused (the worker's
 *     VORLAUF_STORAGE_RAW_RETENTION: both ingestion paths apply the same window)
 */
public record IngestConfig(
    int maxBodyBytes,
    int queueRows,
    long quarantineCap,
    Duration offlineAfter,
    Duration commitTimeout,
    Duration rotationOverlap,
    Duration rawRetention) {

  public static final int DEFAULT_MAX_BODY_BYTES = 1_048_576;

  /** No reading fits in fewer bytes of JSON; a body can never hold more rows than the queue. */
  static final int MIN_BYTES_PER_READING = 32;

  public IngestConfig {
    if ((long) queueRows * MIN_BYTES_PER_READING < maxBodyBytes) {
      throw new IllegalArgumentException(
          "VORLAUF_INGEST_QUEUE_ROWS="
              + queueRows
              + " is too small for bodies of VORLAUF_INGEST_MAX_BODY_BYTES="
              + maxBodyBytes
              + ": it must be at least "
              + (maxBodyBytes + MIN_BYTES_PER_READING - 1) / MIN_BYTES_PER_READING);
    }
  }

  public static IngestConfig defaults() {
    return fromEnvironment(Map.of());
  }

  /**
   * @throws IllegalArgumentException naming the variable whose value cannot be used
   */
  public static IngestConfig fromEnvironment(Map<String, String> env) {
    return new IngestConfig(
        (int)
            number(env, "VORLAUF_INGEST_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES, 1_024, 64L << 20),
        (int) number(env, "VORLAUF_INGEST_QUEUE_ROWS", 100_000, 1_000, 10_000_000),
        number(env, "VORLAUF_INGEST_QUARANTINE_CAP", 100_000, 0, Long.MAX_VALUE),
        Duration.ofMinutes(number(env, "VORLAUF_INGEST_OFFLINE_MINUTES", 10, 1, 10_080)),
        duration(env, "VORLAUF_INGEST_COMMIT_TIMEOUT", Duration.ofSeconds(30)),
        duration(env, "VORLAUF_CREDENTIAL_ROTATION_OVERLAP", Duration.ofHours(1)),
        duration(env, "VORLAUF_STORAGE_RAW_RETENTION", Duration.ofDays(90)));
  }

  private static long number(
      Map<String, String> env, String name, long fallback, long min, long max) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value.strip());
      if (parsed < min || parsed > max) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + "='" + value + "' is not a whole number between " + min + " and " + max, e);
    }
  }

  private static Duration duration(Map<String, String> env, String name, Duration fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      Duration parsed = Duration.parse(value.strip());
      if (parsed.isNegative()) {
        throw new IllegalArgumentException(name + "='" + value + "' must not be negative");
      }
      return parsed;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + "='" + value + "' is not an ISO-8601 duration such as PT1H", e);
    }
  }
}
