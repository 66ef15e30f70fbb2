package de.vorlauf.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModelSessionsTest {

  private static final ModelFiles FILES = Fixture.files();
  private static final HoldoutSample SAMPLE = Fixture.bundle().holdoutSample();

  /** Every version is the fixture's graph, under its own version number; counts the loads. */
  private final Map<ModelKey, AtomicInteger> loadsPerKey = new ConcurrentHashMap<>();

  private final ModelSource source =
      key -> {
        if (key.version() > 9) {
          throw new ModelException(ModelException.Reason.MISSING, key + " is not registered");
        }
        loadsPerKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        return new ModelFiles(FILES.onnx(), FILES.manifest().withVersion(key.version()));
      };

  @Test
  void theLeastRecentlyUsedSessionIsEvictedAndClosedBeyondTheBound() {
    try (ModelSessions sessions = new ModelSessions(source, 2)) {
      ModelSession first = session(sessions, 1);
      session(sessions, 2);
      session(sessions, 1); // 2 is now the least recently used
      ModelSession second = session(sessions, 2);
      session(sessions, 1);
      session(sessions, 3);
      assertThat(sessions.resident()).containsExactlyInAnyOrder(key(1), key(3));
      assertThat(second.isClosed()).isTrue();
      assertThat(first.isClosed()).isFalse();
      assertThat(sessions.loads()).isEqualTo(3);
      assertThat(sessions.evictions()).isEqualTo(1);
      session(sessions, 2);
      assertThat(loadsPerKey.get(key(2))).hasValue(2);
      sessions.close();
      assertThat(first.isClosed()).isTrue();
      assertThatThrownBy(() -> sessions.lease(key(1))).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aSessionEvictedWhileInUseClosesWhenItsCallerIsDone() {
    try (ModelSessions sessions = new ModelSessions(source, 1)) {
      try (ModelSessions.Lease lease = sessions.lease(key(1))) {
        sessions.predict(key(2), new float[14]); // evicts version 1
        assertThat(sessions.resident()).containsExactly(key(2));
        assertThat(lease.session().isClosed()).isFalse();
        float[] row = Fixture.row(SAMPLE.inputs()[0]);
        assertThat(lease.session().predict(row)).isEqualTo(sessions.predict(key(2), row));
        lease.close();
        assertThat(lease.session().isClosed()).isTrue();
      }
    }
  }

  @Test
  void aMissingModelIsAnErrorAndNotRemembered() {
    try (ModelSessions sessions = new ModelSessions(source, 2)) {
      assertThatThrownBy(() -> sessions.predict(key(10), new float[14]))
          .isInstanceOfSatisfying(
              ModelException.class,
              e -> assertThat(e.reason()).isEqualTo(ModelException.Reason.MISSING));
      assertThat(sessions.resident()).isEmpty();
      ModelSessions wrong = new ModelSessions(key -> FILES, 1); // always version 1's manifest
      assertThatThrownBy(() -> wrong.predict(key(2), new float[14]))
          .isInstanceOfSatisfying(
              ModelException.class,
              e -> assertThat(e.reason()).isEqualTo(ModelException.Reason.MISMATCH));
    }
  }

  @Test
  void parallelCallersGetTheRightNumbersWhileSessionsAreEvictedUnderThem() throws Exception {
    float[] flat = new float[SAMPLE.size() * 14];
    for (int i = 0; i < SAMPLE.size(); i++) {
      System.arraycopy(Fixture.row(SAMPLE.inputs()[i]), 0, flat, i * 14, 14);
    }
    float[] expected;
    try (ModelSession reference = ModelSession.open(FILES)) {
      expected = reference.predict(flat, SAMPLE.size());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (ModelSessions sessions = new ModelSessions(source, 2)) {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  int checked = 0;
                  for (int round = 0; round < 30; round++) {
                    ModelKey key = key(1 + (thread + round) % 3);
                    int i = (thread * 31 + round * 7) % SAMPLE.size();
                    float[] row = new float[14];
                    System.arraycopy(flat, i * 14, row, 0, 14);
                    assertThat(sessions.predict(key, row)).isEqualTo(expected[i]);
                    assertThat(sessions.predict(key, flat, SAMPLE.size())).isEqualTo(expected);
                    checked++;
                  }
                  return checked;
                }));
      }
      for (Future<Integer> result : results) {
        assertThat(result.get()).isEqualTo(30);
      }
      assertThat(sessions.resident()).hasSizeLessThanOrEqualTo(2);
      assertThat(sessions.evictions()).isEqualTo(sessions.loads() - sessions.resident().size());
    } finally {
      pool.shutdownNow();
    }
  }

  private static ModelSession session(ModelSessions sessions, int version) {
    try (ModelSessions.Lease lease = sessions.lease(key(version))) {
      lease.session().predict(new float[14]);
      return lease.session();
    }
  }

  private static ModelKey key(int version) {
    return new ModelKey("heat-demand", version);
  }
}
