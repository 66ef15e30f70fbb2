package de.vorlauf.persistence.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadingWriterTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final WriterSettings FAST =
      WriterSettings.defaults()
          .withBatchRows(100)
          .withQueueRows(300)
          .withLinger(Duration.ofMillis(5))
          .withRetry(Duration.ofMillis(5), Duration.ofMillis(20))
          .withCloseTimeout(Duration.ofSeconds(5));

  /** Stores keys in memory; fails while {@code down} is set, rejects device "poison". */
  static final class FakeSink implements BatchSink {
    final java.util.Set<StagedRows.Key> stored =
        Collections.synchronizedSet(new java.util.HashSet<>());
    final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    volatile boolean down;
    final AtomicInteger attempts = new AtomicInteger();

    /** The device of each submission in the first write attempt, in batch order. */
    final List<String> firstBatchDevices = Collections.synchronizedList(new ArrayList<>());

    @Override
    public int[] write(List<Submission> batch) throws SQLException {
      if (attempts.getAndIncrement() == 0) {
        batch.forEach(s -> firstBatchDevices.add(s.rows().get(0).deviceId()));
      }
      if (down) {
        throw new SQLException("Connection refused", "08001");
      }
      if (batch.stream().anyMatch(s -> s.rows().get(0).deviceId().equals("poison"))) {
        throw new SQLException("new row violates check constraint", "23514");
      }
      StagedRows staged = Rows.staged(batch);
      int[] fresh = new int[batch.size()];
      for (int i = 0; i < staged.size(); i++) {
        StagedRows.Key key =
            new StagedRows.Key(
                staged.seriesIds()[i], CopyEncoder.pgMicros(staged.rows().get(i).time()));
        if (stored.add(key)) {
          fresh[staged.submissionOf()[i]]++;
        }
      }
      batchSizes.add(staged.size());
      return fresh;
    }
  }

  private final FakeSink sink = new FakeSink();

  @Test
  void batchesManySubmittersAndReportsDuplicates() throws Exception {
    try (ReadingWriter writer = new ReadingWriter(sink, FAST, "test-writer")) {
      List<CompletableFuture<WriteResult>> futures = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        futures.add(writer.submit(Rows.series("b", "d" + i, "s", T0, 10), Duration.ofSeconds(1)));
      }
      WriteResult again =
          writer.submit(Rows.series("b", "d0", "s", T0, 10), Duration.ofSeconds(1)).get();
      for (CompletableFuture<WriteResult> f : futures) {
        assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(new WriteResult(10, 0));
      }
      assertThat(again).isEqualTo(new WriteResult(0, 10));
      assertThat(sink.batchSizes.size()).isLessThan(20);
    }
    assertThat(sink.stored).hasSize(200);
  }

  @Test
  void failsFastWhenTheQueueIsFull() throws Exception {
    sink.down = true;
    try (ReadingWriter writer = new ReadingWriter(sink, FAST, "test-writer")) {
      writer.trySubmit(Rows.series("b", "d1", "s", T0, 200));
      writer.trySubmit(Rows.series("b", "d2", "s", T0, 100));
      assertThatThrownBy(() -> writer.trySubmit(Rows.series("b", "d3", "s", T0, 1)))
          .isInstanceOf(WriteQueueFullException.class);
      long start = System.nanoTime();
      assertThatThrownBy(
              () -> writer.submit(Rows.series("b", "d3", "s", T0, 1), Duration.ofMillis(100)))
          .isInstanceOf(WriteQueueFullException.class);
      assertThat(System.nanoTime() - start).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(90));
      sink.down = false;
    }
  }

  @Test
  void keepsRetryingWhileTheDatabaseIsDownAndLosesNothing() throws Exception {
    sink.down = true;
    try (ReadingWriter writer = new ReadingWriter(sink, FAST, "test-writer")) {
      CompletableFuture<WriteResult> f = writer.trySubmit(Rows.series("b", "d", "s", T0, 50));
      await().atMost(Duration.ofSeconds(5)).until(() -> sink.attempts.get() > 5);
      assertThat(f).isNotDone();
      assertThat(writer.stats().healthy()).isFalse();
      assertThat(writer.stats().pendingRows()).isEqualTo(50);
      sink.down = false;
      assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(new WriteResult(50, 0));
      assertThat(writer.stats().healthy()).isTrue();
      assertThat(writer.stats().pendingRows()).isZero();
    }
  }

  @Test
  void aRejectedSubmissionDoesNotFailTheOthersInItsBatch() throws Exception {
    // one batch by construction, not by timing: it is full (10 rows) with the second submission
    // and goes at once; the long linger only keeps the first from going alone
    WriterSettings oneBatch = FAST.withBatchRows(10).withLinger(Duration.ofSeconds(30));
    try (ReadingWriter writer = new ReadingWriter(sink, oneBatch, "test-writer")) {
      CompletableFuture<WriteResult> good = writer.trySubmit(Rows.series("b", "d", "s", T0, 5));
      CompletableFuture<WriteResult> bad = writer.trySubmit(Rows.series("b", "poison", "s", T0, 5));
      assertThat(good.get(5, TimeUnit.SECONDS)).isEqualTo(new WriteResult(5, 0));
      assertThat(sink.firstBatchDevices).containsExactly("d", "poison");
      assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(RowsRejectedException.class);
      assertThat(writer.stats().rejected()).isEqualTo(5);
    }
  }

  @Test
  void closeFlushesWhatWasAccepted() throws Exception {
    List<CompletableFuture<WriteResult>> futures = new ArrayList<>();
    try (ReadingWriter writer =
        new ReadingWriter(sink, FAST.withLinger(Duration.ofSeconds(1)), "test-writer")) {
      for (int i = 0; i < 10; i++) {
        futures.add(writer.trySubmit(Rows.series("b", "d" + i, "s", T0, 3)));
      }
    }
    assertThat(futures).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
    assertThat(sink.stored).hasSize(30);
  }

  @Test
  void closeGivesUpAfterItsTimeoutWhenTheDatabaseStaysDown() throws Exception {
    sink.down = true;
    ReadingWriter writer =
        new ReadingWriter(sink, FAST.withCloseTimeout(Duration.ofMillis(200)), "test-writer");
    CompletableFuture<WriteResult> f = writer.trySubmit(Rows.series("b", "d", "s", T0, 5));
    writer.close();
    assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ReadingWriterClosedException.class);
    assertThatThrownBy(() -> writer.trySubmit(Rows.series("b", "d", "s", T0, 5)))
        .isInstanceOf(ReadingWriterClosedException.class);
  }

  @Test
  void onlyContentErrorsAreRejectedAMissingPartitionIsRetried() {
    assertThat(RetryingBatchWrite.isContentError(new SQLException("check", "23514"))).isTrue();
    assertThat(RetryingBatchWrite.isContentError(new SQLException("bad float", "22P02"))).isTrue();
    assertThat(
            RetryingBatchWrite.isContentError(
                new SQLException(
                    "ERROR: no partition of relation \"sensor_readings\" found for row", "23514")))
        .isFalse();
    assertThat(RetryingBatchWrite.isContentError(new SQLException("refused", "08001"))).isFalse();
    assertThat(RetryingBatchWrite.isContentError(new SQLException("deadlock", "40P01"))).isFalse();
    assertThat(RetryingBatchWrite.isContentError(new SQLException("no state"))).isFalse();
  }

  @Test
  void writerThreadIsNamed() throws Exception {
    try (ReadingWriter writer = new ReadingWriter(sink, FAST, "vorlauf-readings-test")) {
      assertThat(Thread.getAllStackTraces().keySet())
          .anyMatch(t -> t.getName().equals("vorlauf-readings-test"));
    }
  }
}
