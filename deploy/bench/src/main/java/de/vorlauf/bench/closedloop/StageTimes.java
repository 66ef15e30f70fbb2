package de.vorlauf.bench.closedloop;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** Wall time per stage of the run, in the order the stages first ran. */
final class StageTimes {

  private final Map<String, Long> nanos = new LinkedHashMap<>();

  <T> T time(String stage, Callable<T> work) throws Exception {
    long started = System.nanoTime();
    try {
      return work.call();
    } finally {
      nanos.merge(stage, System.nanoTime() - started, Long::sum);
    }
  }

  void time(String stage, Work work) throws Exception {
    time(
        stage,
        () -> {
          work.run();
          return null;
        });
  }

  interface Work {
    void run() throws Exception;
  }

  /** Seconds per stage. */
  Map<String, Double> seconds() {
    Map<String, Double> out = new LinkedHashMap<>();
    nanos.forEach((stage, n) -> out.put(stage, n / 1e9));
    return out;
  }
}
