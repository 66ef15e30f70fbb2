package de.vorlauf.ingest.progress;

import de.vorlauf.domain.config.EnvReader;
import de.vorlauf.domain.config.WorkerVars;
import java.time.Duration;
import java.util.Objects;

/**
 * When the self-check and the status page call ingestion behind.
 *
 * @param liveLagMax the live lane's lag (or how long its messages wait unacknowledged) beyond which
 *     it is behind
 * @param liveQueuedMax live readings waiting in the writers, summed over the processes
 * @param backlogQueuedMax the same for the backlog lane (its lag is old data by nature and not
 *     judged)
 * @param stallMax messages in flight without an acknowledgement for longer: ingestion stopped
 * @param freshFor a process's report older than this is not counted (it reports every few seconds)
 */
public record IngestionThresholds(
    Duration liveLagMax,
    int liveQueuedMax,
    int backlogQueuedMax,
    Duration stallMax,
    Duration freshFor) {

  /** Processes publish every 10 s: three missed reports make a report stale. */
  public static final Duration FRESH_FOR = Duration.ofSeconds(30);

  public IngestionThresholds {
    Objects.requireNonNull(liveLagMax, "liveLagMax");
    Objects.requireNonNull(stallMax, "stallMax");
    Objects.requireNonNull(freshFor, "freshFor");
  }

  public static IngestionThresholds defaults() {
    return new IngestionThresholds(
        WorkerVars.SELFCHECK_LIVE_LAG_MAX.defaultValue(),
        WorkerVars.SELFCHECK_LIVE_QUEUED_MAX.defaultValue(),
        WorkerVars.SELFCHECK_BACKLOG_QUEUED_MAX.defaultValue(),
        WorkerVars.ACK_STALL.defaultValue(),
        FRESH_FOR);
  }

  public IngestionThresholds withStallMax(Duration value) {
    return new IngestionThresholds(liveLagMax, liveQueuedMax, backlogQueuedMax, value, freshFor);
  }

  public static IngestionThresholds read(EnvReader env) {
    return new IngestionThresholds(
        env.get(WorkerVars.SELFCHECK_LIVE_LAG_MAX),
        env.get(WorkerVars.SELFCHECK_LIVE_QUEUED_MAX),
        env.get(WorkerVars.SELFCHECK_BACKLOG_QUEUED_MAX),
        env.get(WorkerVars.ACK_STALL),
        FRESH_FOR);
  }
}
