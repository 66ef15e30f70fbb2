package de.vorlauf.bench;

import de.vorlauf.domain.config.IngestVars;
import java.util.List;

/** The run's figures as the Markdown that goes into docs/benchmarks.md. */
record BenchReport(
    BenchConfig config,
    String broker,
    String loadBefore,
    ThroughputPhase.Result sustained,
    CopyCeiling.Result ceiling,
    PacedPhase.Result paced,
    List<ProcessMemory.Rss> memory,
    List<ProcessCpu.Used> cpu) {

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("### Ingest run of ")
        .append(java.time.Instant.now())
        .append(", broker: ")
        .append(broker)
        .append(", worker subscription: ")
        .append(
            IngestVars.NO_SHARE_GROUP.equals(config.shareGroup())
                ? "plain"
                : "shared ($share/" + config.shareGroup() + "/…)")
        .append("\n\n");
    md.append(
        String.format(
            "%d devices × %d messages × %d readings = %,d readings; %d cores; load average before: %s%n%n",
            config.devices(),
            config.messagesPerDevice(),
            config.readingsPerMessage(),
            config.totalReadings(),
            Runtime.getRuntime().availableProcessors(),
            loadBefore));
    md.append("| measure | value |\n| --- | --- |\n");
    row(
        md,
        "sustained, first publish → last commit",
        String.format(
            "%,.0f readings/s (%.1f s; publishing took %.1f s)",
            sustained.readingsPerSecond(),
            java.time.Duration.between(sustained.firstPublish(), sustained.lastCommit()).toNanos()
                / 1e9,
            sustained.publishSeconds()));
    row(
        md,
        "ceiling: server-side COPY of the same rows, same table and indexes",
        String.format(
            "%,.0f rows/s (%,d rows in %.1f s)",
            ceiling.rowsPerSecond(), ceiling.rows(), ceiling.seconds()));
    row(
        md,
        "bytes per stored reading (readings table + indexes, after the sustained run)",
        String.format("%.1f", ceiling.bytesPerReading()));
    row(
        md,
        "sustained / ceiling",
        String.format("%.0f %%", 100 * sustained.readingsPerSecond() / ceiling.rowsPerSecond()));
    row(
        md,
        "paced at half the sustained rate",
        String.format("%,.0f readings/s, %,d messages", paced.targetRate(), paced.messages()));
    row(
        md,
        "publish → commit latency p50 / p99 / max",
        String.format(
            "%.0f ms / %.0f ms / %.0f ms",
            paced.p50Millis(), paced.p99Millis(), paced.maxMillis()));
    for (ProcessCpu.Used used : cpu) {
      row(
          md,
          "CPU during the sustained phase, " + used.name(),
          String.format(
              "%.1f s (%.0f %% of one core)",
              used.seconds(), 100 * used.seconds() / Math.max(1e-9, used.wallSeconds())));
    }
    for (ProcessMemory.Rss rss : memory) {
      row(
          md,
          "RSS " + rss.name(),
          rss.currentMib()
              + " MiB (peak "
              + rss.peakMib()
              + " MiB"
              + (rss.processes() > 1 ? ", " + rss.processes() + " processes" : "")
              + ")");
    }
    return md.toString();
  }

  private static void row(StringBuilder md, String name, String value) {
    md.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }
}
