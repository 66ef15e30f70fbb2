package de.vorlauf.bench;

import de.vorlauf.devstack.broker.BrokerKind;
import de.vorlauf.domain.config.IngestVars;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one ingest benchmark run does; defaults are the figures of the ingestion issue: 100 devices
 * × 2,000 messages × 10 readings = 2 M readings.
 *
 * @param pacedFor how long the half-rate latency phase publishes
 * @param brokers {@code broker=mosquitto} (default), {@code hivemq} or {@code both}: each one in
 *     turn, on a fresh stack, into the same report
 * @param shareGroup the worker's {@code VORLAUF_MQTT_SHARE_GROUP}: {@code none} (default, a plain
 *     subscription, as the launcher runs its one worker) or a group name ({@code share-group=})
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
    List<BrokerKind> brokers,
    String shareGroup,
    Path output) {

  static BenchConfig fromArgs(String[] args, Path repo) {
    int devices = 100;
    int messages = 2000;
    int readings = 10;
    Duration paced = Duration.ofSeconds(60);
    List<BrokerKind> brokers = List.of(BrokerKind.MOSQUITTO);
    String shareGroup = IngestVars.NO_SHARE_GROUP;
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
        case "broker" ->
            brokers =
                kv[1].equals("both")
                    ? List.of(BrokerKind.MOSQUITTO, BrokerKind.HIVEMQ)
                    : List.of(BrokerKind.parse(kv[1]));
        case "share-group" -> shareGroup = kv[1];
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
        brokers,
        shareGroup,
        target.resolve("ingest-bench-" + java.time.LocalDate.now() + ".md"));
  }

  /** The state folder of one broker's part of the run. */
  Path stateDir(BrokerKind broker) {
    return brokers.size() == 1 ? stateDir : stateDir.resolve(broker.name().toLowerCase());
  }

  long totalReadings() {
    return (long) devices * messagesPerDevice * readingsPerMessage;
  }
}
