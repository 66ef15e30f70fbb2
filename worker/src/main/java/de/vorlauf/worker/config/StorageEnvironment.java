package de.vorlauf.worker.config;

import de.vorlauf.persistence.timeseries.StorageSettings;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Reads the readings storage settings ({@link StorageSettings}): the migrations use them for the
 * TimescaleDB policies, the maintenance job and the ingest validation for plain PostgreSQL.
 * Problems are added to the caller's list.
 */
final class StorageEnvironment {

  static final String RAW_RETENTION = "VORLAUF_STORAGE_RAW_RETENTION";
  static final String ROLLUP_RETENTION = "VORLAUF_STORAGE_ROLLUP_RETENTION";
  static final String CHUNK_INTERVAL = "VORLAUF_STORAGE_CHUNK_INTERVAL";
  static final String COMPRESS_AFTER = "VORLAUF_STORAGE_COMPRESS_AFTER";
  static final String PARTITIONS_AHEAD = "VORLAUF_STORAGE_PARTITIONS_AHEAD";

  private StorageEnvironment() {}

  static StorageSettings read(Map<String, String> env, List<String> problems) {
    StorageSettings d = StorageSettings.defaults();
    int before = problems.size();
    Duration raw = duration(env, RAW_RETENTION, d.rawRetention(), problems);
    Duration rollup = duration(env, ROLLUP_RETENTION, d.rollupRetention(), problems);
    Duration chunk = duration(env, CHUNK_INTERVAL, d.chunkInterval(), problems);
    Duration compress = duration(env, COMPRESS_AFTER, d.compressAfter(), problems);
    int ahead = d.partitionsAhead();
    String aheadText = env.get(PARTITIONS_AHEAD);
    if (aheadText != null && !aheadText.isBlank()) {
      try {
        ahead = Integer.parseInt(aheadText.trim());
      } catch (NumberFormatException e) {
        problems.add(PARTITIONS_AHEAD + "=" + aheadText + ": expected a whole number of days");
      }
    }
    if (problems.size() > before) {
      return d;
    }
    try {
      return new StorageSettings(raw, rollup, chunk, compress, ahead);
    } catch (IllegalArgumentException e) {
      problems.add("storage settings: " + e.getMessage());
      return d;
    }
  }

  private static Duration duration(
      Map<String, String> env, String name, Duration fallback, List<String> problems) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Duration.parse(value.trim());
    } catch (DateTimeParseException e) {
      problems.add(name + "=" + value + ": expected an ISO-8601 duration such as P90D");
      return fallback;
    }
  }
}
