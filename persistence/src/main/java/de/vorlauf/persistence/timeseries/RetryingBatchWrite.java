package de.vorlauf.persistence.timeseries;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one batch until it is committed: transient failures (connection lost, database down, lock
 * timeout, deadlock …) are retried with backoff for as long as it takes, the batch is never
 * dropped; a content error fails only the submission that carries it. Used by the writer thread
 * only.
 */
final class RetryingBatchWrite {

  private static final Logger log = LoggerFactory.getLogger(ReadingWriter.class);

  /** Completes a submission and frees its room in the queue. */
  interface Completion {
    void finish(Submission submission, WriteResult result, RuntimeException error);
  }

  private final BatchSink sink;
  private final WriterSettings settings;
  private final String name;
  private final Completion completion;
  final RetryLog retryLog;
  final AtomicLong inserted = new AtomicLong();
  final AtomicLong duplicates = new AtomicLong();
  final AtomicLong rejected = new AtomicLong();
  final AtomicLong batches = new AtomicLong();
  final AtomicLong commitNanos = new AtomicLong();

  RetryingBatchWrite(BatchSink sink, WriterSettings settings, String name, Completion completion) {
    this.sink = sink;
    this.settings = settings;
    this.name = name;
    this.completion = completion;
    this.retryLog = new RetryLog(name);
  }

  /**
   * Returns once every submission of the batch is finished.
   *
   * @throws InterruptedException the writer is being shut down; the batch's submissions were failed
   *     with {@link ReadingWriterClosedException}
   */
  void write(List<Submission> batch) throws InterruptedException {
    Duration pause = settings.retryInitial();
    while (true) {
      try {
        long begin = System.nanoTime();
        int[] fresh = sink.write(batch);
        commitNanos.addAndGet(System.nanoTime() - begin);
        committed(batch, fresh);
        return;
      } catch (SQLException e) {
        if (isContentError(e)) {
          rejectOrIsolate(batch, e);
          return;
        }
        retryLog.failed(batch, e, pause);
      } catch (RuntimeException e) {
        retryLog.failed(batch, e, pause);
      }
      try {
        Thread.sleep(pause.toMillis());
      } catch (InterruptedException e) {
        failAll(batch, "closed while the database was failing");
        throw e;
      }
      Duration doubled = pause.multipliedBy(2);
      pause = doubled.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : doubled;
    }
  }

  void failAll(List<Submission> submissions, String why) {
    for (Submission s : submissions) {
      completion.finish(
          s, null, new ReadingWriterClosedException("reading writer " + name + " " + why));
    }
  }

  /**
   * Data exceptions (22) and integrity violations (23) do not go away by retrying, except a row
   * without a partition (23514 too): the sink looks for partitions again on the next attempt.
   */
  static boolean isContentError(SQLException e) {
    String state = e.getSQLState();
    if (state == null || !(state.startsWith("22") || state.startsWith("23"))) {
      return false;
    }
    return e.getMessage() == null || !e.getMessage().contains("no partition of relation");
  }

  private void committed(List<Submission> batch, int[] fresh) {
    retryLog.succeeded();
    batches.incrementAndGet();
    for (int i = 0; i < batch.size(); i++) {
      Submission s = batch.get(i);
      inserted.addAndGet(fresh[i]);
      duplicates.addAndGet(s.size() - fresh[i]);
      completion.finish(s, new WriteResult(fresh[i], s.size() - fresh[i]), null);
    }
  }

  /** A content error fails one submission only: write them one by one to find it. */
  private void rejectOrIsolate(List<Submission> batch, SQLException e) throws InterruptedException {
    if (batch.size() == 1) {
      Submission s = batch.get(0);
      log.error(
          "Reading writer {}: database rejected a submission of {} rows (SQLSTATE {}): {}",
          name,
          s.size(),
          e.getSQLState(),
          e.getMessage());
      rejected.addAndGet(s.size());
      completion.finish(s, null, new RowsRejectedException(e));
      return;
    }
    log.warn(
        "Reading writer {}: batch refused for its content (SQLSTATE {}); writing its {}"
            + " submissions one by one",
        name,
        e.getSQLState(),
        batch.size());
    for (int i = 0; i < batch.size(); i++) {
      try {
        write(List.of(batch.get(i)));
      } catch (InterruptedException interrupted) {
        failAll(batch.subList(i + 1, batch.size()), "closed before these rows were committed");
        throw interrupted;
      }
    }
  }
}
