package de.vorlauf.webadmin.config;

import de.vorlauf.domain.config.ConfigException;
import de.vorlauf.domain.config.EnvReader;
import de.vorlauf.domain.config.IngestVars;
import de.vorlauf.domain.config.StorageVars;
import de.vorlauf.domain.config.WebAdminVars;
import java.time.Duration;
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
 * @param liveWindow readings older than this take the backlog lane (the worker's too)
 */
public record IngestConfig(
    int maxBodyBytes,
    int queueRows,
    long quarantineCap,
    Duration offlineAfter,
    Duration commitTimeout,
    Duration rotationOverlap,
    Duration rawRetention,
    Duration liveWindow) {

  /** No reading fits in fewer bytes of JSON; a body can never hold more rows than the queue. */
  static final int MIN_BYTES_PER_READING = 32;

  public IngestConfig {
    if ((long) queueRows * MIN_BYTES_PER_READING < maxBodyBytes) {
      throw new IllegalArgumentException(
          IngestVars.QUEUE_ROWS
              + "="
              + queueRows
              + " is too small for bodies of "
              + IngestVars.MAX_BODY_BYTES
              + "="
              + maxBodyBytes
              + ": it must be at least "
              + (maxBodyBytes + MIN_BYTES_PER_READING - 1) / MIN_BYTES_PER_READING);
    }
  }

  public static IngestConfig defaults() {
    return fromEnvironment(Map.of());
  }

  /**
   * Reads the declared variables; the limits the worker shares are the worker's, declared once in
   * {@link IngestVars}.
   *
   * @throws ConfigException naming every variable whose value cannot be used
   */
  public static IngestConfig fromEnvironment(Map<String, String> environment) {
    EnvReader env = new EnvReader(environment);
    int maxBodyBytes = env.get(IngestVars.MAX_BODY_BYTES);
    int queueRows = env.get(IngestVars.QUEUE_ROWS);
    long quarantineCap = env.get(IngestVars.QUARANTINE_CAP);
    Duration offlineAfter = Duration.ofMinutes(env.get(IngestVars.OFFLINE_MINUTES));
    Duration commitTimeout = env.get(IngestVars.COMMIT_TIMEOUT);
    Duration rotationOverlap = env.get(WebAdminVars.CREDENTIAL_ROTATION_OVERLAP);
    Duration rawRetention = env.get(StorageVars.RAW_RETENTION);
    Duration liveWindow = env.get(IngestVars.LIVE_WINDOW);
    env.throwIfInvalid();
    return new IngestConfig(
        maxBodyBytes,
        queueRows,
        quarantineCap,
        offlineAfter,
        commitTimeout,
        rotationOverlap,
        rawRetention,
        liveWindow);
  }
}
