package de.vorlauf.bench.portfolio;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/** Summed nanoseconds and counts per stage, from many threads. */
final class StageTimes {

  private final Map<String, LongAdder[]> stages = new ConcurrentHashMap<>();

  void add(String stage, long nanos) {
    LongAdder[] a =
        stages.computeIfAbsent(stage, s -> new LongAdder[] {new LongAdder(), new LongAdder()});
    a[0].add(nanos);
    a[1].increment();
  }

  <T> T time(String stage, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      add(stage, System.nanoTime() - start);
    }
  }

  void reset() {
    stages.clear();
  }

  /** stage → {total seconds, count, mean ms}. */
  Map<String, double[]> snapshot() {
    Map<String, double[]> out = new TreeMap<>();
    stages.forEach(
        (stage, a) -> {
          double seconds = a[0].sum() / 1e9;
          long n = a[1].sum();
          out.put(stage, new double[] {seconds, n, n == 0 ? 0 : seconds * 1000 / n});
        });
    return out;
  }
}
