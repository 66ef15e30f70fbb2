package de.vorlauf.ingest.pipeline;

import de.vorlauf.domain.ingest.Lane;
import de.vorlauf.persistence.timeseries.ReadingRow;
import de.vorlauf.persistence.timeseries.ReadingWriter;
import de.vorlauf.persistence.timeseries.WriteQueueFullException;
import de.vorlauf.persistence.timeseries.WriteResult;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** Where valid readings go: in production the {@link ReadingWriter}s; tests use their own. */
public interface ReadingSink {

  /**
   * Queues rows; the future completes after they committed.
   *
   * @param maxWait zero: fail at once when the queue is full (REST); else wait up to this long
   * @throws WriteQueueFullException nothing was queued
   */
  CompletableFuture<WriteResult> submit(List<ReadingRow> rows, Duration maxWait)
      throws WriteQueueFullException, InterruptedException;

  /** As {@link #submit(List, Duration)}, in the queue of {@code lane}; one queue by default. */
  default CompletableFuture<WriteResult> submit(List<ReadingRow> rows, Lane lane, Duration maxWait)
      throws WriteQueueFullException, InterruptedException {
    return submit(rows, maxWait);
  }

  /** One writer for both lanes. */
  static ReadingSink of(ReadingWriter writer) {
    return (rows, maxWait) -> submit(writer, rows, maxWait);
  }

  /**
   * A writer per lane. Each has its own bounded queue and thread, so a full backlog queue pushes
   * back on backlog senders only, and a live batch never waits for backlog batches queued before
   * it: it commits alongside them (the database serves both; a batch of live readings is small).
   */
  static ReadingSink lanes(ReadingWriter live, ReadingWriter backlog) {
    Objects.requireNonNull(live, "live");
    Objects.requireNonNull(backlog, "backlog");
    return new ReadingSink() {
      @Override
      public CompletableFuture<WriteResult> submit(List<ReadingRow> rows, Duration maxWait)
          throws WriteQueueFullException, InterruptedException {
        return ReadingSink.submit(live, rows, maxWait);
      }

      @Override
      public CompletableFuture<WriteResult> submit(
          List<ReadingRow> rows, Lane lane, Duration maxWait)
          throws WriteQueueFullException, InterruptedException {
        return ReadingSink.submit(lane == Lane.BACKLOG ? backlog : live, rows, maxWait);
      }
    };
  }

  private static CompletableFuture<WriteResult> submit(
      ReadingWriter writer, List<ReadingRow> rows, Duration maxWait)
      throws WriteQueueFullException, InterruptedException {
    return maxWait.isZero() ? writer.trySubmit(rows) : writer.submit(rows, maxWait);
  }
}
