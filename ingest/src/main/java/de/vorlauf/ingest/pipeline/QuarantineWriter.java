package de.vorlauf.ingest.pipeline;

import de.vorlauf.ingest.IngestThreads;
import de.vorlauf.persistence.ingest.QuarantineEntry;
import de.vorlauf.persistence.ingest.QuarantineStore;
import de.vorlauf.persistence.ingest.QuarantineStore.Fate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes quarantine entries in batches on its own named thread, like the reading writer: a
 * submission's future completes after its rows committed (or were counted as dropped beyond the
 * cap). While the database is down the batch is retried with backoff and never discarded; {@link
 * #submit} blocks once {@code capacity} submissions wait, which pushes back on the ingest threads.
 */
public final class QuarantineWriter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(QuarantineWriter.class);
  private static final int MAX_BATCH = 2_000;

  private record Pending(List<QuarantineEntry> entries, CompletableFuture<List<Fate>> future) {}

  private final DataSource dataSource;
  private final QuarantineStore store;
  private final long cap;
  private final LinkedBlockingQueue<Pending> queue;
  private final Thread thread;
  private volatile boolean closing;

  /**
   * Starts the writer thread, named {@code name}, from {@code threads} (see {@link IngestThreads}).
   */
  public QuarantineWriter(
      DataSource dataSource,
      QuarantineStore store,
      long cap,
      int capacity,
      String name,
      ThreadFactory threads) {
    this.dataSource = dataSource;
    this.store = store;
    this.cap = cap;
    this.queue = new LinkedBlockingQueue<>(capacity);
    this.thread = IngestThreads.named(threads, this::run, name);
    thread.start();
  }

  /**
   * Queues entries, waiting while the queue is full.
   *
   * @return per entry what became of it, once committed
   */
  public CompletableFuture<List<Fate>> submit(List<QuarantineEntry> entries)
      throws InterruptedException {
    if (entries.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    Pending pending = new Pending(List.copyOf(entries), new CompletableFuture<>());
    boolean queued = false;
    while (!closing && !queued) {
      queued = queue.offer(pending, 200, TimeUnit.MILLISECONDS);
    }
    if (!queued) {
      pending.future().completeExceptionally(new IllegalStateException("quarantine writer closed"));
    }
    return pending.future();
  }

  private void run() {
    List<Pending> batch = new ArrayList<>();
    while (true) {
      try {
        Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (closing) {
            return;
          }
          continue;
        }
        batch.add(first);
        int entries = first.entries().size();
        Pending next;
        while (entries < MAX_BATCH && (next = queue.poll()) != null) {
          batch.add(next);
          entries += next.entries().size();
        }
        writeWithRetry(batch);
        batch.clear();
      } catch (InterruptedException e) {
        batch.addAll(queue);
        batch.forEach(
            p ->
                p.future()
                    .completeExceptionally(
                        new IllegalStateException("quarantine writer stopped before commit")));
        return;
      }
    }
  }

  private void writeWithRetry(List<Pending> batch) throws InterruptedException {
    List<QuarantineEntry> all = new ArrayList<>();
    batch.forEach(p -> all.addAll(p.entries()));
    Duration pause = Duration.ofMillis(100);
    int attempts = 0;
    while (true) {
      try {
        List<Fate> fates = write(all);
        if (attempts > 0) {
          log.info("Quarantine writes recovered after {} failed attempts", attempts);
        }
        int offset = 0;
        for (Pending p : batch) {
          int n = p.entries().size();
          p.future().complete(List.copyOf(fates.subList(offset, offset + n)));
          offset += n;
        }
        return;
      } catch (SQLException | RuntimeException e) {
        attempts++;
        log.warn(
            "Quarantine: writing {} entries failed (attempt {}): {}; retrying in {} ms",
            all.size(),
            attempts,
            e.getMessage(),
            pause.toMillis());
      }
      Thread.sleep(pause.toMillis());
      pause =
          pause.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
              ? Duration.ofSeconds(5)
              : pause.multipliedBy(2);
    }
  }

  private List<Fate> write(List<QuarantineEntry> entries) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        List<Fate> fates = store.insert(connection, entries, cap);
        connection.commit();
        return fates;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  /**
   * Writes what was queued and stops; gives up on rows still failing after {@code timeout} (their
   * futures fail, so their messages are not acknowledged).
   */
  public void close(Duration timeout) {
    closing = true;
    try {
      thread.join(timeout.toMillis());
      if (thread.isAlive()) {
        log.warn("Quarantine writer: database still failing after {}, giving up", timeout);
        thread.interrupt();
        thread.join(5_000);
      }
    } catch (InterruptedException e) {
      thread.interrupt();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }
}
