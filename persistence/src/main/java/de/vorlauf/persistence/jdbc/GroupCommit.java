package de.vorlauf.persistence.jdbc;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for concurrent callers that each store a small item and wait for it: one writer
 * thread takes what is queued (up to {@code maxBatch} items) and stores it with one call of the
 * {@link BatchWrite} (one transaction), then answers each caller. Under load many callers share a
 * transaction, its round trips and its commit; alone, a caller's item is written at once (no
 * linger). A caller returns only after its item committed, so nothing acknowledged is lost.
 *
 * <p>A failed batch of several items is written again one item at a time, so one bad item fails
 * only its own caller. Unlike {@code ReadingWriter} (devices resend nothing, so readings are
 * retried until stored) a failure is answered, not retried: the caller has a client waiting.
 * Bounded: at most {@code capacity} items wait; beyond that a submit fails at once with {@link
 * SQLTransientException}. Thread-safe.
 *
 * @param <I> what a caller stores
 * @param <O> what it gets back
 */
public final class GroupCommit<I, O> implements AutoCloseable {

  /** Stores items in one transaction: all or none. */
  @FunctionalInterface
  public interface BatchWrite<I, O> {
    /**
     * @return one answer per item, in the order given
     */
    List<O> write(List<I> items) throws SQLException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

  /** How often an idle writer looks whether it is closing (an item wakes it at once). */
  private static final Duration IDLE_POLL = Duration.ofMillis(100);

  private record Pending<I, O>(I item, CompletableFuture<O> answer) {}

  private final String name;
  private final BatchWrite<I, O> write;
  private final int maxBatch;
  private final Duration maxWait;
  private final IntConsumer batchSizes;
  private final LinkedBlockingQueue<Pending<I, O>> queue;
  private final Thread writer;
  private volatile boolean closing;
  // the writer thread died of an Error or was interrupted
  private volatile boolean stopped;

  /**
   * Starts the writer thread.
   *
   * @param name for the thread and the errors
   * @param maxBatch the most items in one transaction
   * @param capacity the most items waiting
   * @param maxWait how long a caller waits for its commit before it gives up (the item may still be
   *     stored)
   * @param batchSizes told each batch's size, for a metric
   * @param write used by the writer thread only (it may keep a connection between batches); closed
   *     by {@link #close} when {@link AutoCloseable}
   */
  public GroupCommit(
      String name,
      int maxBatch,
      int capacity,
      Duration maxWait,
      ThreadFactory threads,
      IntConsumer batchSizes,
      BatchWrite<I, O> write) {
    if (maxBatch < 1 || capacity < maxBatch) {
      throw new IllegalArgumentException(
          "need 1 <= maxBatch <= capacity: " + maxBatch + ", " + capacity);
    }
    this.name = Objects.requireNonNull(name, "name");
    this.write = Objects.requireNonNull(write, "write");
    this.maxBatch = maxBatch;
    this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
    this.batchSizes = Objects.requireNonNull(batchSizes, "batchSizes");
    this.queue = new LinkedBlockingQueue<>(capacity);
    this.writer = threads.newThread(this::run);
    writer.setName(name);
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Stores the item with whatever else is queued and returns its answer once committed.
   *
   * @throws SQLTransientException the queue is full or the writer is closed: nothing was stored
   * @throws SQLTimeoutException no commit within {@code maxWait}: the item may still be stored
   * @throws SQLException its batch failed, and then the item alone: it is not stored
   */
  public O submit(I item) throws SQLException {
    refuseIfDown();
    Pending<I, O> pending = new Pending<>(item, new CompletableFuture<>());
    if (!queue.offer(pending)) {
      throw new SQLTransientException(
          name + ": " + queue.size() + " items wait already; the database is behind");
    }
    // closed or stopped since the check: take the item back unless the writer has taken it
    if ((closing || stopped) && queue.remove(pending)) {
      refuseIfDown();
    }
    try {
      return pending.answer().get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException sql) {
        // a copy, with this caller's stack: the cause may be shared by a batch's callers
        throw new SQLException(sql.getMessage(), sql.getSQLState(), sql.getErrorCode(), sql);
      }
      throw new IllegalStateException(name + " failed: " + cause, cause);
    } catch (TimeoutException e) {
      throw new SQLTimeoutException(
          name + ": no commit within " + maxWait + "; the item may still be stored");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLTransientException(name + ": interrupted while waiting for the commit", e);
    }
  }

  private void refuseIfDown() throws SQLTransientException {
    if (stopped) {
      throw new SQLTransientException(name + "'s writer has stopped");
    }
    if (closing) {
      throw new SQLTransientException(name + " is closed");
    }
  }

  /** Items waiting for the writer (not counting the batch it writes). */
  public int queued() {
    return queue.size();
  }

  /** Writes what is queued, then stops the thread and closes the write; later submits fail. */
  @Override
  public void close() {
    // no interrupt: an interrupted thread would fail its last writes (a pool's wait for a
    // connection gives up on an interrupt); the writer sees the flag within IDLE_POLL
    closing = true;
    try {
      writer.join(maxWait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // a submit that raced with closing, or items the thread left
    failQueued(new SQLTransientException(name + " closed"));
    if (write instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.warn("{}: closing its write failed: {}", name, e.toString());
      }
    }
  }

  private void failQueued(SQLException cause) {
    List<Pending<I, O>> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(p -> p.answer().completeExceptionally(cause));
  }

  private void run() {
    List<Pending<I, O>> batch = new ArrayList<>(maxBatch);
    while (true) {
      Pending<I, O> first;
      try {
        first = closing ? queue.poll() : queue.poll(IDLE_POLL.toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        // not how close() stops it: someone else stops the thread (an undeploy's shutdown)
        stopped = true;
        failQueued(new SQLTransientException(name + "'s writer was interrupted", e));
        return;
      }
      if (first == null) {
        if (closing) {
          return;
        }
        continue;
      }
      batch.add(first);
      queue.drainTo(batch, maxBatch - 1);
      batchSizes.accept(batch.size());
      try {
        write(batch);
      } catch (Error e) {
        LOG.error("{}: the writer stops; {} items fail", name, batch.size() + queue.size(), e);
        stopped = true;
        SQLException cause = new SQLTransientException(name + "'s writer has stopped", e);
        batch.forEach(p -> p.answer().completeExceptionally(cause));
        failQueued(cause);
        throw e;
      }
      batch.clear();
    }
  }

  private void write(List<Pending<I, O>> batch) {
    List<O> answers;
    try {
      answers = write.write(batch.stream().map(Pending::item).toList());
    } catch (SQLException | RuntimeException e) {
      if (batch.size() == 1) {
        batch.get(0).answer().completeExceptionally(e);
        return;
      }
      LOG.warn("{}: a batch of {} failed ({}); writing them one by one", name, batch.size(), e);
      for (Pending<I, O> p : batch) {
        write(List.of(p));
      }
      return;
    }
    if (answers.size() != batch.size()) {
      // committed, so not written again; a defect of the BatchWrite
      SQLException wrong =
          new SQLException(
              name + ": " + answers.size() + " answers for " + batch.size() + " items");
      batch.forEach(p -> p.answer().completeExceptionally(wrong));
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).answer().complete(answers.get(i));
    }
  }
}
