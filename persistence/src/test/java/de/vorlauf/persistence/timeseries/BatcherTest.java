package de.vorlauf.persistence.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

class BatcherTest {

  private final LinkedBlockingQueue<Submission> queue = new LinkedBlockingQueue<>();

  private Submission submission(int rows) {
    return Submission.of(Rows.series("b", "d", "s", Instant.parse("2026-01-01T00:00:00Z"), rows));
  }

  @Test
  void closesABatchOnceItHoldsEnoughRows() throws Exception {
    for (int i = 0; i < 5; i++) {
      queue.add(submission(40));
    }
    List<Submission> batch = new Batcher(100, Duration.ofSeconds(10)).next(queue, Duration.ZERO);
    assertThat(batch).hasSize(3); // 120 rows: submissions are never split
    assertThat(queue).hasSize(2);
  }

  @Test
  void closesAPartialBatchAfterTheLinger() throws Exception {
    queue.add(submission(10));
    long start = System.nanoTime();
    List<Submission> batch = new Batcher(100, Duration.ofMillis(50)).next(queue, Duration.ZERO);
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(batch).hasSize(1);
    assertThat(tookMillis).isBetween(40L, 2_000L);
  }

  @Test
  void picksUpSubmissionsArrivingWithinTheLinger() throws Exception {
    queue.add(submission(10));
    new Thread(
            () -> {
              sleep(10);
              queue.add(submission(10));
            })
        .start();
    List<Submission> batch = new Batcher(100, Duration.ofMillis(500)).next(queue, Duration.ZERO);
    assertThat(batch).hasSize(2);
  }

  @Test
  void returnsNothingWhenIdle() throws Exception {
    assertThat(new Batcher(100, Duration.ofMillis(50)).next(queue, Duration.ofMillis(20)))
        .isEmpty();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
