package de.vorlauf.persistence.timeseries;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way readings get into the database. Many threads submit rows; one named writer thread
 * batches them (size or linger, whichever comes first) and writes each batch in one transaction. A
 * submission's future completes only after its batch committed.
 *
 * <p>Bounded: at most {@link WriterSettings#queueRows()} rows are accepted and not yet committed.
 * {@link #trySubmit} fails fast when full (REST: 503), {@link #submit(List, Duration)} waits up to
 * a timeout (MQTT backpressure). When the database is down the writer retries the same batch with
 * backoff and never drops it; the queue fills and pushes back on the submitters. Thread-safe.
 */
public final class ReadingWriter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ReadingWriter.class);
  private static final Duration IDLE_WAIT = Duration.ofMillis(200);

  private final WriterSettings settings;
  private final String name;
  private final Batcher batcher;
  private final Semaphore room;
  private final LinkedBlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
  private final ReadWriteLock closeLock = new ReentrantReadWriteLock();
  private final ExecutorService thread;
  private final RetryingBatchWrite retrying;
  private final BatchSink sink;
  private volatile boolean closing;

  ReadingWriter(BatchSink sink, WriterSettings settings, String name) {
    this(sink, settings, name, r -> new Thread(r, name));
  }

  ReadingWriter(BatchSink sink, WriterSettings settings, String name, ThreadFactory threads) {
    this.settings = settings;
    this.name = name;
    this.sink = sink;
    this.batcher = new Batcher(settings.batchRows(), settings.linger());
    this.room = new Semaphore(settings.queueRows(), true);
    this.retrying = new RetryingBatchWrite(sink, settings, name, this::finish);
    this.thread = Executors.newSingleThreadExecutor(threads);
    thread.execute(this::run);
  }

  /**
   * Starts a writer on its own thread.
   *
   * @param mode from {@link StorageMode#detect}: decides whether the rollup is maintained here
   */
  public static ReadingWriter start(
      DataSource dataSource, StorageMode mode, WriterSettings settings, String name) {
    return start(dataSource, mode, settings, name, r -> new Thread(r, name));
  }

  /**
   * Starts a writer on a thread from {@code threads}: in an application server, its managed thread
   * factory.
   */
  public static ReadingWriter start(
      DataSource dataSource,
      StorageMode mode,
      WriterSettings settings,
      String name,
      ThreadFactory threads) {
    BatchSink sink =
        new JdbcBatchSink(
            dataSource,
            mode,
            new PartitionManager(),
            settings.copyFormat(),
            new SeriesCache(settings.seriesCache()));
    log.info("Reading writer {} started ({}, {})", name, mode.label(), settings);
    return new ReadingWriter(sink, settings, name, threads);
  }

  /**
   * Queues rows if there is room now.
   *
   * @throws WriteQueueFullException no room: nothing was queued
   * @throws ReadingWriterClosedException the writer is closing
   */
  public CompletableFuture<WriteResult> trySubmit(List<ReadingRow> rows)
      throws WriteQueueFullException {
    checkSize(rows);
    if (!room.tryAcquire(rows.size())) {
      throw full(rows.size());
    }
    return enqueue(rows);
  }

  /**
   * Queues rows, waiting up to {@code maxWait} for room.
   *
   * @throws WriteQueueFullException still no room after {@code maxWait}: nothing was queued
   */
  public CompletableFuture<WriteResult> submit(List<ReadingRow> rows, Duration maxWait)
      throws WriteQueueFullException, InterruptedException {
    checkSize(rows);
    if (!room.tryAcquire(rows.size(), maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
      throw full(rows.size());
    }
    return enqueue(rows);
  }

  public WriterStats stats() {
    return new WriterStats(
        retrying.inserted.get(),
        retrying.duplicates.get(),
        retrying.rejected.get(),
        retrying.batches.get(),
        retrying.commitNanos.get(),
        retrying.retryLog.failedAttempts(),
        settings.queueRows() - room.availablePermits(),
        retrying.retryLog.lastError(),
        sink.seriesCache());
  }

  /**
   * Stops accepting rows, writes what was accepted and stops the thread. If the database stays
   * unreachable past {@link WriterSettings#closeTimeout()}, the rows not committed by then fail
   * with {@link ReadingWriterClosedException} (not stored, not acknowledged).
   */
  @Override
  public void close() {
    closeLock.writeLock().lock();
    try {
      if (closing) {
        return;
      }
      closing = true;
    } finally {
      closeLock.writeLock().unlock();
    }
    thread.shutdown();
    try {
      if (!thread.awaitTermination(settings.closeTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn(
            "Reading writer {}: {} rows not committed after {}, giving up on them",
            name,
            settings.queueRows() - room.availablePermits(),
            settings.closeTimeout());
        thread.shutdownNow();
        thread.awaitTermination(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
    log.info("Reading writer {} stopped: {}", name, stats());
  }

  private CompletableFuture<WriteResult> enqueue(List<ReadingRow> rows) {
    closeLock.readLock().lock();
    try {
      if (closing) {
        room.release(rows.size());
        throw new ReadingWriterClosedException("reading writer " + name + " is closed");
      }
      Submission submission = Submission.of(rows);
      queue.add(submission);
      return submission.future();
    } finally {
      closeLock.readLock().unlock();
    }
  }

  private void checkSize(List<ReadingRow> rows) {
    if (rows.isEmpty() || rows.size() > settings.queueRows()) {
      throw new IllegalArgumentException(
          "a submission holds 1.." + settings.queueRows() + " rows, not " + rows.size());
    }
  }

  private WriteQueueFullException full(int rows) {
    return new WriteQueueFullException(
        "write queue of "
            + name
            + " is full ("
            + settings.queueRows()
            + " rows pending); "
            + rows
            + " rows not accepted");
  }

  private void run() {
    try {
      while (true) {
        List<Submission> batch = batcher.next(queue, closing ? Duration.ZERO : IDLE_WAIT);
        if (batch.isEmpty()) {
          if (closing) {
            return;
          }
          continue;
        }
        retrying.write(batch);
      }
    } catch (InterruptedException e) {
      List<Submission> left = new ArrayList<>();
      queue.drainTo(left);
      retrying.failAll(left, "closed before these rows were committed");
    } catch (RuntimeException | Error e) {
      log.error("Reading writer {} died; pending rows are not written", name, e);
      throw e;
    }
  }

  private void finish(Submission s, WriteResult result, RuntimeException error) {
    room.release(s.size());
    if (error == null) {
      s.future().complete(result);
    } else {
      s.future().completeExceptionally(error);
    }
  }
}
