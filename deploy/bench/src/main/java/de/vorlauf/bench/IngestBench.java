package de.vorlauf.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingestion benchmark of {@code docs/benchmarks.md}: devices publish through the real broker
 * into the worker, which validates and commits to PostgreSQL. Run it with {@code deploy/vorlauf
 * bench-ingest [devices=N] [messages=N] [readings=N] [paced-seconds=N]} on a quiet machine.
 */
public final class IngestBench {

  private static final Logger LOG = LoggerFactory.getLogger(IngestBench.class);

  private IngestBench() {}

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(System.getProperty("vorlauf.repo", ".")).toAbsolutePath().normalize();
    BenchConfig config = BenchConfig.fromArgs(args, repo);
    String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
    try (BenchStack stack = BenchStack.start(config)) {
      stack.register(config.devices());
      List<Publisher> publishers = connect(stack, config);
      try {
        ThroughputPhase.Result sustained = ThroughputPhase.run(stack, config, publishers);
        List<ProcessMemory.Rss> memory = memory(stack, config);
        LOG.info("sustained: {} readings/s", Math.round(sustained.readingsPerSecond()));
        CopyCeiling.Result ceiling = CopyCeiling.measure(stack, config.stateDir());
        LOG.info("ceiling (server-side COPY): {} rows/s", Math.round(ceiling.rowsPerSecond()));
        PacedPhase.Result paced =
            PacedPhase.run(stack, config, publishers, sustained.readingsPerSecond() / 2);
        BenchReport report = new BenchReport(config, loadBefore, sustained, ceiling, paced, memory);
        Files.createDirectories(config.output().getParent());
        Files.writeString(config.output(), report.markdown());
        LOG.info("report written to {}\n{}", config.output(), report.markdown());
      } finally {
        for (Publisher publisher : publishers) {
          publisher.close();
        }
      }
    }
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
    String state = config.stateDir().toString();
    List<ProcessMemory.Rss> rss = new ArrayList<>();
    long worker = Long.parseLong(Files.readString(stack.workerPidFile).strip().split("\\s+")[0]);
    rss.add(ProcessMemory.ofPid("worker (-Xmx" + config.workerHeap() + ")", worker));
    Path postmaster = stack.postgresState.postgresData().resolve("postmaster.pid");
    rss.add(
        ProcessMemory.ofTree(
            "PostgreSQL (postmaster + backends, summed)",
            Long.parseLong(Files.readAllLines(postmaster).get(0).strip())));
    ProcessMemory.find("mosquitto", state)
        .ifPresent(pid -> rss.add(ProcessMemory.ofPid("Mosquitto", pid)));
    ProcessMemory.find("start-dev", state)
        .ifPresent(pid -> rss.add(ProcessMemory.ofPid("Temporal dev server", pid)));
    rss.add(ProcessMemory.ofPid("bench publishers (this JVM)", ProcessHandle.current().pid()));
    return rss;
  }
}
