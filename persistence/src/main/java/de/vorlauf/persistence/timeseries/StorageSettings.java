package de.vorlauf.persistence.timeseries;

import de.vorlauf.domain.config.StorageVars;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Retention and chunk settings of the readings storage. The same values reach the migrations (as
 * Flyway placeholders, see {@link #toPlaceholders()}) and the plain-PostgreSQL maintenance job.
 *
 * @param rawRetention raw readings older than this are dropped (whole days or chunks)
 * @param rollupRetention hourly rollup rows older than this are dropped
 * @param chunkInterval TimescaleDB chunk width; plain PostgreSQL always uses daily partitions
 * @param compressAfter TimescaleDB compresses chunks older than this
 * @param partitionsAhead plain PostgreSQL: daily partitions created ahead of today
 */
public record StorageSettings(
    Duration rawRetention,
    Duration rollupRetention,
    Duration chunkInterval,
    Duration compressAfter,
    int partitionsAhead) {

  public static final String RAW_RETENTION = "rawRetention";
  public static final String ROLLUP_RETENTION = "rollupRetention";
  public static final String CHUNK_INTERVAL = "chunkInterval";
  public static final String COMPRESS_AFTER = "compressAfter";
  public static final String PARTITIONS_AHEAD = "partitionsAhead";

  /** The rollup's hourly bucket: the refresh window must span at least two of them. */
  public static final Duration BUCKET = Duration.ofHours(1);

  public StorageSettings {
    Objects.requireNonNull(rawRetention, RAW_RETENTION);
    Objects.requireNonNull(rollupRetention, ROLLUP_RETENTION);
    Objects.requireNonNull(chunkInterval, CHUNK_INTERVAL);
    Objects.requireNonNull(compressAfter, COMPRESS_AFTER);
    if (rawRetention.compareTo(Duration.ofDays(2)) < 0) {
      throw new IllegalArgumentException(
          RAW_RETENTION + " must be at least 2 days: " + rawRetention);
    }
    if (rollupRetention.compareTo(rawRetention) < 0) {
      throw new IllegalArgumentException(
          ROLLUP_RETENTION + " must not be shorter than " + RAW_RETENTION + ": " + rollupRetention);
    }
    if (chunkInterval.compareTo(BUCKET) < 0 || compressAfter.isNegative()) {
      throw new IllegalArgumentException(
          CHUNK_INTERVAL + " must be at least 1 hour and " + COMPRESS_AFTER + " not negative");
    }
    if (partitionsAhead < 1 || partitionsAhead > 366) {
      throw new IllegalArgumentException(PARTITIONS_AHEAD + " must be 1..366: " + partitionsAhead);
    }
  }

  /**
   * The declared defaults ({@link StorageVars}): 90 days raw, 2 years rollup, daily chunks,
   * compression after 7 days, 7 days ahead.
   */
  public static StorageSettings defaults() {
    return new StorageSettings(
        StorageVars.RAW_RETENTION.defaultValue(),
        StorageVars.ROLLUP_RETENTION.defaultValue(),
        StorageVars.CHUNK_INTERVAL.defaultValue(),
        StorageVars.COMPRESS_AFTER.defaultValue(),
        StorageVars.PARTITIONS_AHEAD.defaultValue());
  }

  /**
   * Reads ISO-8601 durations (e.g. {@code P90D}, {@code PT12H}); a missing key keeps its default.
   */
  public static StorageSettings fromPlaceholders(Map<String, String> values) {
    StorageSettings d = defaults();
    return new StorageSettings(
        duration(values, RAW_RETENTION, d.rawRetention()),
        duration(values, ROLLUP_RETENTION, d.rollupRetention()),
        duration(values, CHUNK_INTERVAL, d.chunkInterval()),
        duration(values, COMPRESS_AFTER, d.compressAfter()),
        Integer.parseInt(
            values.getOrDefault(PARTITIONS_AHEAD, Integer.toString(d.partitionsAhead())).trim()));
  }

  public Map<String, String> toPlaceholders() {
    return Map.of(
        RAW_RETENTION, rawRetention.toString(),
        ROLLUP_RETENTION, rollupRetention.toString(),
        CHUNK_INTERVAL, chunkInterval.toString(),
        COMPRESS_AFTER, compressAfter.toString(),
        PARTITIONS_AHEAD, Integer.toString(partitionsAhead));
  }

  /**
   * How far back the TimescaleDB refresh policy looks: one day less than raw retention, so a
   * refresh never covers a region whose raw chunks were dropped (that would empty the rollup).
   */
  public Duration refreshWindow() {
    return rawRetention.minusDays(1);
  }

  /** A duration as PostgreSQL interval text: "90 days" when whole days, else seconds. */
  public static String sqlInterval(Duration duration) {
    long seconds = duration.getSeconds();
    return seconds % 86_400 == 0 ? (seconds / 86_400) + " days" : seconds + " seconds";
  }

  private static Duration duration(Map<String, String> values, String key, Duration fallback) {
    String value = values.get(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Duration.parse(value.trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          "placeholder " + key + " is not an ISO-8601 duration such as P90D: " + value, e);
    }
  }
}
