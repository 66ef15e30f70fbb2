package de.vorlauf.bench;

import de.vorlauf.devstack.broker.BrokerKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingestion benchmark of {@code docs/benchmarks.md}: devices publish through the real broker
 * into the worker, which validates and commits to PostgreSQL. Run it with {@code deploy/vorlauf
 * bench-ingest [devices=N] [messages=N] [readings=N] [paced-seconds=N]
 * [broker=mosquitto|hivemq|both]} on a quiet machine.
 */
public final class IngestBench {

  private static final Logger LOG = LoggerFactory.getLogger(IngestBench.class);

  private IngestBench() {}

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(System.getProperty("vorlauf.repo", ".")).toAbsolutePath().normalize();
    BenchConfig config = BenchConfig.fromArgs(args, repo);
    StringBuilder reports = new StringBuilder();
    for (BrokerKind broker : config.brokers()) {
      reports.append(runOnce(config, broker)).append('\n');
      Files.createDirectories(config.output().getParent());
      Files.writeString(config.output(), reports);
    }
    LOG.info("report written to {}\n{}", config.output(), reports);
  }

  /** One whole benchmark on a fresh stack with this broker: its report. */
  private static String runOnce(BenchConfig config, BrokerKind broker) throws Exception {
    String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
    try (BenchStack stack = BenchStack.start(config, broker)) {
      stack.register(config.devices());
      List<Publisher> publishers = connect(stack, config);
      try {
        List<ProcessCpu.Sample> cpuBefore = cpu(stack);
        ThroughputPhase.Result sustained = ThroughputPhase.run(stack, config, publishers);
        List<ProcessCpu.Sample> cpuAfter = cpu(stack);
        List<ProcessMemory.Rss> memory = memory(stack, config);
        LOG.info(
            "{}: sustained {} readings/s",
            stack.broker.label(),
            Math.round(sustained.readingsPerSecond()));
        CopyCeiling.Result ceiling = CopyCeiling.measure(stack, stack.dir);
        LOG.info("ceiling (server-side COPY): {} rows/s", Math.round(ceiling.rowsPerSecond()));
        PacedPhase.Result paced =
            PacedPhase.run(stack, config, publishers, sustained.readingsPerSecond() / 2);
        return new BenchReport(
                config,
                stack.broker.label(),
                loadBefore,
                sustained,
                ceiling,
                paced,
                memory,
                ProcessCpu.between(cpuBefore, cpuAfter))
            .markdown();
      } finally {
        for (Publisher publisher : publishers) {
          publisher.close();
        }
      }
    }
  }

  /** CPU time so far of the broker, the worker and this JVM (the publishers). */
  private static List<ProcessCpu.Sample> cpu(BenchStack stack) throws Exception {
    List<ProcessCpu.Sample> samples = new ArrayList<>();
    brokerPid(stack).ifPresent(pid -> samples.add(ProcessCpu.sample("broker", pid)));
    samples.add(ProcessCpu.sample("worker", workerPid(stack)));
    samples.add(ProcessCpu.sample("bench publishers", ProcessHandle.current().pid()));
    return samples;
  }

  private static java.util.OptionalLong brokerPid(BenchStack stack) {
    if (stack.broker instanceof EmbeddedBrokerProcess hivemq) {
      return java.util.OptionalLong.of(hivemq.pid());
    }
    return ProcessMemory.find("mosquitto.conf", stack.dir.toString());
  }

  private static long workerPid(BenchStack stack) throws Exception {
    return Long.parseLong(Files.readString(stack.workerPidFile).strip().split("\\s+")[0]);
  }

  private static List<Publisher> connect(BenchStack stack, BenchConfig config) throws Exception {
    List<Publisher> publishers = new ArrayList<>();
    for (int d = 0; d < config.devices(); d++) {
      publishers.add(Publisher.connect(stack.broker.url(), MessagePlan.deviceId(d)));
    }
    return publishers;
  }

  private static List<ProcessMemory.Rss> memory(BenchStack stack, BenchConfig config)
      throws Exception {
    String state = stack.dir.toString();
    List<ProcessMemory.Rss> rss = new ArrayList<>();
    long worker = workerPid(stack);
    rss.add(ProcessMemory.ofPid("worker (-Xmx" + config.workerHeap() + ")", worker));
    Path postmaster = stack.postgresState.postgresData().resolve("postmaster.pid");
    rss.add(
        ProcessMemory.ofTree(
            "PostgreSQL (postmaster + backends, summed)",
            Long.parseLong(Files.readAllLines(postmaster).get(0).strip())));
    ProcessMemory.find("mosquitto.conf", state)
        .ifPresent(pid -> rss.add(ProcessMemory.ofPid("Mosquitto", pid)));
    if (stack.broker instanceof EmbeddedBrokerProcess hivemq) {
      rss.add(
          ProcessMemory.ofPid(
              "embedded HiveMQ (own JVM, -Xmx" + EmbeddedBrokerProcess.HEAP + ")", hivemq.pid()));
    }
    ProcessMemory.find("start-dev", state)
        .ifPresent(pid -> rss.add(ProcessMemory.ofPid("Temporal dev server", pid)));
    rss.add(ProcessMemory.ofPid("bench publishers (this JVM)", ProcessHandle.current().pid()));
    return rss;
  }
}
