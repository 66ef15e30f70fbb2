package de.vorlauf.persistence.timeseries;

/**
 * Counters of a {@link ReadingWriter} since it started.
 *
 * @param inserted rows stored
 * @param duplicates rows not stored because they already were
 * @param rejected rows refused by the database for their content
 * @param batches committed batches
 * @param failedAttempts batch attempts that failed and were retried
 * @param pendingRows rows accepted but not committed yet (queued or being written)
 * @param lastError the last write error, null once a batch committed after it
 */
public record WriterStats(
    long inserted,
    long duplicates,
    long rejected,
    long batches,
    long failedAttempts,
    int pendingRows,
    String lastError) {

  public boolean healthy() {
    return lastError == null;
  }
}
