package de.vorlauf.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What one ingest benchmark run does; defaults are the figures of the ingestion issue: 100 devices
 * × 2,000 messages × 10 readings = 2 M readings.
 *
 * @param pacedFor how long the half-rate latency phase publishes
 * @param output the Markdown report this run writes
 */
record BenchConfig(
    int devices,
    int messagesPerDevice,
    int readingsPerMessage,
    Duration pacedFor,
    String workerHeap,
    Path stateDir,
    Path workerJar,
    Path output) {

  static BenchConfig fromArgs(String[] args, Path repo) {
    int devices = 100;
    int messages = 2000;
    int readings = 10;
    Duration paced = Duration.ofSeconds(60);
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("arguments are key=value, not " + arg);
      }
      switch (kv[0]) {
        case "devices" -> devices = Integer.parseInt(kv[1]);
        case "messages" -> messages = Integer.parseInt(kv[1]);
        case "readings" -> readings = Integer.parseInt(kv[1]);
        case "paced-seconds" -> paced = Duration.ofSeconds(Long.parseLong(kv[1]));
        default -> throw new IllegalArgumentException("unknown argument " + kv[0]);
      }
    }
    Path target = repo.resolve("deploy/bench/target");
    return new BenchConfig(
        devices,
        messages,
        readings,
        paced,
        "768m",
        target.resolve("state-" + System.currentTimeMillis()),
        repo.resolve("worker/target/vorlauf-worker.jar"),
        target.resolve("ingest-bench-" + java.time.LocalDate.now() + ".md"));
  }

  long totalReadings() {
    return (long) devices * messagesPerDevice * readingsPerMessage;
  }
}
