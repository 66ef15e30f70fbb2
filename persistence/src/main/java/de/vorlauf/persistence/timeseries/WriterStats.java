package de.vorlauf.persistence.timeseries;

/**
 * Counters of a {@link ReadingWriter} since it started.
 *
 * @param inserted rows stored
 * @param duplicates rows not stored because they already were
 * @param rejected rows refused by the database for their content
 * @param batches committed batches
 * @param commitNanos time spent in the writes of committed batches (COPY and commit), summed: with
 *     {@code batches} the mean commit latency
 * @param failedAttempts batch attempts that failed and were retried
 * @param pendingRows rows accepted but not committed yet (queued or being written)
 * @param lastError the last write error, null once a batch committed after it
 * @param seriesCache the series-id cache after the last batch
 */
public record WriterStats(
    long inserted,
    long duplicates,
    long rejected,
    long batches,
    long commitNanos,
    long failedAttempts,
    int pendingRows,
    String lastError,
    SeriesCacheStats seriesCache) {

  /**
   * The writer's series-id cache: after warm-up every lookup is a hit.
   *
   * @param size ids held now
   * @param hits lookups answered from memory
   * @param misses lookups that went to the database (first sight, or after eviction)
   * @param evictions ids dropped because the cache was full
   */
  public record SeriesCacheStats(int size, long hits, long misses, long evictions) {
    public static final SeriesCacheStats NONE = new SeriesCacheStats(0, 0, 0, 0);
  }

  public boolean healthy() {
    return lastError == null;
  }
}
