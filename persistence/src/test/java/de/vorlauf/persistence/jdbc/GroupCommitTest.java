package de.vorlauf.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  /**
   * A write that answers item × 10, refuses negative items, dies on 99, can be held at its start,
   * and fails when interrupted there.
   */
  private final List<List<Integer>> writes = new CopyOnWriteArrayList<>();

  private final List<Integer> sizes = new CopyOnWriteArrayList<>();
  private final CountDownLatch entered = new CountDownLatch(1);
  private volatile CountDownLatch hold = new CountDownLatch(0);
  private final ExecutorService callers = Executors.newCachedThreadPool();

  private List<Integer> write(List<Integer> items) throws SQLException {
    entered.countDown();
    try {
      hold.await();
    } catch (InterruptedException e) {
      // as a connection pool answers an interrupted wait
      throw new SQLException("interrupted while waiting for a connection", e);
    }
    writes.add(items);
    if (items.contains(99)) {
      throw new OutOfMemoryError("simulated: the writer cannot go on");
    }
    if (items.stream().anyMatch(i -> i < 0)) {
      throw new SQLException("negative: " + items, "23514");
    }
    return items.stream().map(i -> i * 10).toList();
  }

  private GroupCommit<Integer, Integer> commit(int maxBatch, int capacity, Duration maxWait) {
    return new GroupCommit<>(
        "test-commit", maxBatch, capacity, maxWait, Thread::new, sizes::add, this::write);
  }

  @AfterEach
  void stopCallers() {
    callers.shutdownNow();
  }

  @Test
  void callersWaitingTogetherShareOneWriteAndEachGetsItsOwnAnswer() throws Exception {
    hold = new CountDownLatch(1);
    try (GroupCommit<Integer, Integer> commit = commit(100, 1000, Duration.ofSeconds(30))) {
      Future<Integer> first = callers.submit(() -> commit.submit(1));
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      List<Future<Integer>> others = new ArrayList<>();
      for (int i = 2; i <= 40; i++) {
        int item = i;
        others.add(callers.submit(() -> commit.submit(item)));
      }
      Awaitility.await().until(() -> commit.queued() == 39);
      hold.countDown();

      assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(10);
      for (int i = 0; i < others.size(); i++) {
        assertThat(others.get(i).get(10, TimeUnit.SECONDS)).isEqualTo((i + 2) * 10);
      }
      assertThat(sizes).containsExactly(1, 39);
      assertThat(writes.get(1)).containsExactlyInAnyOrderElementsOf(range(2, 40));
    }
  }

  @Test
  void aBatchIsAtMostMaxBatchItems() throws Exception {
    hold = new CountDownLatch(1);
    try (GroupCommit<Integer, Integer> commit = commit(10, 1000, Duration.ofSeconds(30))) {
      Future<Integer> first = callers.submit(() -> commit.submit(0));
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      List<Future<Integer>> others = new ArrayList<>();
      for (int i = 1; i <= 25; i++) {
        int item = i;
        others.add(callers.submit(() -> commit.submit(item)));
      }
      Awaitility.await().until(() -> commit.queued() == 25);
      hold.countDown();
      first.get(10, TimeUnit.SECONDS);
      for (Future<Integer> other : others) {
        other.get(10, TimeUnit.SECONDS);
      }
      assertThat(sizes).containsExactly(1, 10, 10, 5);
    }
  }

  @Test
  void aFailedBatchIsWrittenItemByItemSoOnlyTheBadItemFails() throws Exception {
    hold = new CountDownLatch(1);
    try (GroupCommit<Integer, Integer> commit = commit(100, 1000, Duration.ofSeconds(30))) {
      Future<Integer> first = callers.submit(() -> commit.submit(1));
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Integer> good = callers.submit(() -> commit.submit(2));
      Awaitility.await().until(() -> commit.queued() == 1);
      Future<Integer> bad = callers.submit(() -> commit.submit(-3));
      Awaitility.await().until(() -> commit.queued() == 2);
      Future<Integer> alsoGood = callers.submit(() -> commit.submit(4));
      Awaitility.await().until(() -> commit.queued() == 3);
      hold.countDown();

      assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(10);
      assertThat(good.get(10, TimeUnit.SECONDS)).isEqualTo(20);
      assertThat(alsoGood.get(10, TimeUnit.SECONDS)).isEqualTo(40);
      assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(SQLException.class)
          .hasMessageContaining("negative: [-3]");
      assertThat(writes)
          .containsExactly(List.of(1), List.of(2, -3, 4), List.of(2), List.of(-3), List.of(4));
    }
  }

  @Test
  void aFullQueueRefusesAtOnceAndAWaitHasItsLimit() throws Exception {
    hold = new CountDownLatch(1);
    try (GroupCommit<Integer, Integer> commit = commit(2, 2, Duration.ofMillis(300))) {
      Future<Integer> first = callers.submit(() -> commit.submit(1));
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Integer> second = callers.submit(() -> commit.submit(2));
      Future<Integer> third = callers.submit(() -> commit.submit(3));
      Awaitility.await().until(() -> commit.queued() == 2);

      assertThatThrownBy(() -> commit.submit(4))
          .isInstanceOf(SQLTransientException.class)
          .hasMessageContaining("2 items wait already");
      // the writer is still held: the waiting callers give up after maxWait
      for (Future<Integer> waiting : List.of(first, second, third)) {
        assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS))
            .hasCauseInstanceOf(SQLTimeoutException.class);
      }
      hold.countDown();
    }
    // given up on, but written all the same (2 and 3 were submitted concurrently: either order)
    assertThat(writes).hasSize(2);
    assertThat(writes.get(0)).containsExactly(1);
    assertThat(writes.get(1)).containsExactlyInAnyOrder(2, 3);
  }

  /** A write that keeps something between batches, as one holding a connection. */
  private final class KeepingWrite
      implements GroupCommit.BatchWrite<Integer, Integer>, AutoCloseable {
    final List<String> threads = new CopyOnWriteArrayList<>();
    volatile boolean closed;

    @Override
    public List<Integer> write(List<Integer> items) throws SQLException {
      threads.add(Thread.currentThread().getName());
      return GroupCommitTest.this.write(items);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void aWriteThatKeepsAConnectionIsUsedByTheWriterOnlyAndClosedWithIt() throws Exception {
    KeepingWrite write = new KeepingWrite();
    GroupCommit<Integer, Integer> commit =
        new GroupCommit<>(
            "test-commit", 100, 1000, Duration.ofSeconds(30), Thread::new, sizes::add, write);
    assertThat(callers.submit(() -> commit.submit(1)).get(10, TimeUnit.SECONDS)).isEqualTo(10);
    assertThat(callers.submit(() -> commit.submit(2)).get(10, TimeUnit.SECONDS)).isEqualTo(20);
    assertThat(write.closed).isFalse();

    commit.close();

    assertThat(write.closed).isTrue();
    assertThat(write.threads).containsExactly("test-commit", "test-commit");
  }

  @Test
  void closeWritesWhatIsQueuedThenRefuses() throws Exception {
    hold = new CountDownLatch(1);
    GroupCommit<Integer, Integer> commit = commit(100, 1000, Duration.ofSeconds(30));
    Future<Integer> first = callers.submit(() -> commit.submit(1));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    Future<Integer> queuedCall = callers.submit(() -> commit.submit(2));
    Awaitility.await().until(() -> commit.queued() == 1);
    Future<?> closed = callers.submit(commit::close);
    hold.countDown();
    closed.get(10, TimeUnit.SECONDS);

    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(10);
    assertThat(queuedCall.get(10, TimeUnit.SECONDS)).isEqualTo(20);
    assertThatThrownBy(() -> commit.submit(3))
        .isInstanceOf(SQLTransientException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void aWriterKilledByAnErrorFailsItsCallsAndEveryLaterOneAtOnce() throws Exception {
    try (GroupCommit<Integer, Integer> commit = commit(100, 1000, Duration.ofSeconds(30))) {
      assertThatThrownBy(() -> commit.submit(99))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("writer has stopped");
      assertThatThrownBy(() -> commit.submit(1))
          .isInstanceOf(SQLTransientException.class)
          .hasMessageContaining("writer has stopped");
    }
  }

  @Test
  void aCallerAloneIsWrittenAtOnce() throws Exception {
    try (GroupCommit<Integer, Integer> commit = commit(100, 1000, Duration.ofSeconds(30))) {
      for (int i = 1; i <= 3; i++) {
        assertThat(commit.submit(i)).isEqualTo(i * 10);
      }
      assertThat(sizes).containsExactly(1, 1, 1);
    }
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> items = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      items.add(i);
    }
    return items;
  }
}
