package de.vorlauf.ingest.pipeline;

import de.vorlauf.persistence.timeseries.ReadingRow;
import de.vorlauf.persistence.timeseries.ReadingWriter;
import de.vorlauf.persistence.timeseries.WriteQueueFullException;
import de.vorlauf.persistence.timeseries.WriteResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Where valid readings go: in production the {@link ReadingWriter}; tests use their own. */
public interface ReadingSink {

  /**
   * Queues rows; the future completes after they committed.
   *
   * @param maxWait zero: fail at once when the queue is full (REST); else wait up to this long
   * @throws WriteQueueFullException nothing was queued
   */
  CompletableFuture<WriteResult> submit(List<ReadingRow> rows, Duration maxWait)
      throws WriteQueueFullException, InterruptedException;

  static ReadingSink of(ReadingWriter writer) {
    return (rows, maxWait) ->
        maxWait.isZero() ? writer.trySubmit(rows) : writer.submit(rows, maxWait);
  }
}
