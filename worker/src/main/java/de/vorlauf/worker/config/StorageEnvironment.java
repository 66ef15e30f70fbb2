package de.vorlauf.worker.config;

import static de.vorlauf.domain.config.StorageVars.CHUNK_INTERVAL;
import static de.vorlauf.domain.config.StorageVars.COMPRESS_AFTER;
import static de.vorlauf.domain.config.StorageVars.PARTITIONS_AHEAD;
import static de.vorlauf.domain.config.StorageVars.RAW_RETENTION;
import static de.vorlauf.domain.config.StorageVars.ROLLUP_RETENTION;

import de.vorlauf.domain.config.EnvReader;
import de.vorlauf.persistence.timeseries.StorageSettings;
import java.time.Duration;

/**
 * Reads the readings storage settings ({@link StorageSettings}): the migrations use them for the
 * TimescaleDB policies, the maintenance job and the ingest validation for plain PostgreSQL.
 * Problems are recorded in the reader.
 */
final class StorageEnvironment {

  private StorageEnvironment() {}

  static StorageSettings read(EnvReader env) {
    int before = env.problems().size();
    StorageSettings d = StorageSettings.defaults();
    Duration raw = env.get(RAW_RETENTION);
    Duration rollup = env.get(ROLLUP_RETENTION);
    Duration chunk = env.get(CHUNK_INTERVAL);
    Duration compress = env.get(COMPRESS_AFTER);
    int ahead = env.get(PARTITIONS_AHEAD);
    if (env.problems().size() > before) {
      return d;
    }
    try {
      return new StorageSettings(raw, rollup, chunk, compress, ahead);
    } catch (IllegalArgumentException e) {
      // what one variable cannot say: the rollups must outlive the raw readings
      env.problem("storage settings: " + e.getMessage());
      return d;
    }
  }
}
