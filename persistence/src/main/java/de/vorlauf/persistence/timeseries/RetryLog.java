package de.vorlauf.persistence.timeseries;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says clearly when writes start failing, while they keep failing, and when they recover. */
final class RetryLog {

  private static final Logger log = LoggerFactory.getLogger(ReadingWriter.class);

  private final String name;
  private final AtomicLong failedAttempts = new AtomicLong();
  private volatile String lastError;
  private long failingSinceNanos;
  private int attempts;

  RetryLog(String name) {
    this.name = name;
  }

  void failed(List<Submission> batch, Exception e, Duration pause) {
    failedAttempts.incrementAndGet();
    String state = e instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
    lastError = e.getClass().getSimpleName() + " (SQLSTATE " + state + "): " + e.getMessage();
    if (attempts++ == 0) {
      failingSinceNanos = System.nanoTime();
    }
    int rows = batch.stream().mapToInt(Submission::size).sum();
    log.warn(
        "Reading writer {}: writing a batch of {} rows failed (attempt {}, {}); keeping it"
            + " and retrying in {} ms",
        name,
        rows,
        attempts,
        lastError,
        pause.toMillis());
  }

  void succeeded() {
    if (attempts > 0) {
      log.info(
          "Reading writer {}: database writes recovered after {} failed attempts in {} ms",
          name,
          attempts,
          (System.nanoTime() - failingSinceNanos) / 1_000_000);
    }
    attempts = 0;
    lastError = null;
  }

  long failedAttempts() {
    return failedAttempts.get();
  }

  String lastError() {
    return lastError;
  }
}
