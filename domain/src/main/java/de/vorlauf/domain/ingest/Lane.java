package de.vorlauf.domain.ingest;

/**
 * Which of ingestion's two queues a message's readings take. Live readings (what a building is
 * doing now: the optimiser, liveness and live error depend on them) never wait behind a backlog (a
 * gateway uploading its buffer, a simulator's backfill); backlog readings use whatever the live
 * lane leaves.
 */
public enum Lane {
  LIVE,
  BACKLOG;

  /** Lower case, for logs, metrics and answers. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
