package de.vorlauf.persistence.timeseries;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Takes the next batch from the queue: waits up to {@code idleWait} for a first submission, then
 * adds more until the batch holds {@code batchRows} rows or {@code linger} has passed since the
 * first one arrived. A submission is never split, so its rows commit together.
 */
final class Batcher {

  private final int batchRows;
  private final long lingerNanos;

  Batcher(int batchRows, Duration linger) {
    this.batchRows = batchRows;
    this.lingerNanos = linger.toNanos();
  }

  List<Submission> next(BlockingQueue<Submission> queue, Duration idleWait)
      throws InterruptedException {
    Submission first = queue.poll(idleWait.toNanos(), TimeUnit.NANOSECONDS);
    if (first == null) {
      return List.of();
    }
    List<Submission> batch = new ArrayList<>();
    batch.add(first);
    int rows = first.size();
    long deadline = System.nanoTime() + lingerNanos;
    while (rows < batchRows) {
      Submission next = queue.poll();
      if (next == null) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          break;
        }
        next = queue.poll(remaining, TimeUnit.NANOSECONDS);
        if (next == null) {
          break;
        }
      }
      batch.add(next);
      rows += next.size();
    }
    return batch;
  }
}
