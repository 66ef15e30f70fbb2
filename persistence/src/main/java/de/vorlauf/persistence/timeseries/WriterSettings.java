package de.vorlauf.persistence.timeseries;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the {@link ReadingWriter}.
 *
 * @param batchRows a batch is written once it holds this many rows
 * @param linger ... or once its first submission waited this long
 * @param queueRows rows accepted but not yet committed (queued and in flight); beyond this,
 *     submissions are refused or wait
 * @param retryInitial first pause after a failed batch; doubles up to {@code retryMax}
 * @param retryMax longest pause between attempts
 * @param closeTimeout how long {@code close()} waits for queued rows to be committed
 * @param copyFormat wire format of COPY into the staging table
 * @param seriesCache series ids the writer keeps in memory (least recently used evicted beyond)
 */
public record WriterSettings(
    int batchRows,
    Duration linger,
    int queueRows,
    Duration retryInitial,
    Duration retryMax,
    Duration closeTimeout,
    CopyFormat copyFormat,
    int seriesCache) {

  public WriterSettings {
    Objects.requireNonNull(linger, "linger");
    Objects.requireNonNull(retryInitial, "retryInitial");
    Objects.requireNonNull(retryMax, "retryMax");
    Objects.requireNonNull(closeTimeout, "closeTimeout");
    Objects.requireNonNull(copyFormat, "copyFormat");
    if (batchRows < 1 || queueRows < batchRows) {
      throw new IllegalArgumentException(
          "need 1 <= batchRows <= queueRows: " + batchRows + ", " + queueRows);
    }
    if (seriesCache < 1) {
      throw new IllegalArgumentException("seriesCache must be positive: " + seriesCache);
    }
  }

  /**
   * 5,000 rows or 50 ms per batch, 100,000 rows queued, retries 100 ms .. 5 s, binary COPY, the
   * declared series cache (100,000 ids).
   */
  public static WriterSettings defaults() {
    return new WriterSettings(
        5_000,
        Duration.ofMillis(50),
        100_000,
        Duration.ofMillis(100),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        CopyFormat.BINARY,
        de.vorlauf.domain.config.StorageVars.SERIES_CACHE.defaultValue());
  }

  public WriterSettings withBatchRows(int rows) {
    return new WriterSettings(
        rows,
        linger,
        Math.max(queueRows, rows),
        retryInitial,
        retryMax,
        closeTimeout,
        copyFormat,
        seriesCache);
  }

  public WriterSettings withQueueRows(int rows) {
    return new WriterSettings(
        batchRows, linger, rows, retryInitial, retryMax, closeTimeout, copyFormat, seriesCache);
  }

  public WriterSettings withLinger(Duration value) {
    return new WriterSettings(
        batchRows, value, queueRows, retryInitial, retryMax, closeTimeout, copyFormat, seriesCache);
  }

  public WriterSettings withRetry(Duration initial, Duration max) {
    return new WriterSettings(
        batchRows, linger, queueRows, initial, max, closeTimeout, copyFormat, seriesCache);
  }

  public WriterSettings withCloseTimeout(Duration value) {
    return new WriterSettings(
        batchRows, linger, queueRows, retryInitial, retryMax, value, copyFormat, seriesCache);
  }

  public WriterSettings withCopyFormat(CopyFormat format) {
    return new WriterSettings(
        batchRows, linger, queueRows, retryInitial, retryMax, closeTimeout, format, seriesCache);
  }

  public WriterSettings withSeriesCache(int ids) {
    return new WriterSettings(
        batchRows, linger, queueRows, retryInitial, retryMax, closeTimeout, copyFormat, ids);
  }
}
