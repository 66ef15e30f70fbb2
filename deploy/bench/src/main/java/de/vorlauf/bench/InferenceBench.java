package de.vorlauf.bench;

import de.vorlauf.inference.ModelBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code deploy/vorlauf bench-inference <bundle>}: runs {@link InferenceBenchmarks} (one fork, one
 * thread) and logs one {@code BENCH} line per benchmark with issue 21's targets: a single row p50 ≤
 * 10 µs and p99 ≤ 50 µs, batches ≥ 5 M rows/s. JMH's own tables come first.
 *
 * <p>The fork is started with its classpath in a manifest-only jar ({@code
 * jmh.separateClasspathJAR}): ONNX Runtime crashes a JVM whose command line passes 3–4 KB, and this
 * module's classpath is longer than that.
 */
public final class InferenceBench {

  private static final Logger log = LoggerFactory.getLogger(InferenceBench.class);

  private static final double P50_TARGET_US = 10;
  private static final double P99_TARGET_US = 50;
  private static final double BATCH_TARGET_ROWS_PER_S = 5e6;

  private InferenceBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException(
          "usage: deploy/vorlauf bench-inference <bundle directory or zip>");
    }
    Path model = Path.of(args[0]).toAbsolutePath();
    ModelBundle bundle = ModelBundle.read(model); // fails here, not in the fork
    System.setProperty("jmh.separateClasspathJAR", "true");
    Options options =
        new OptionsBuilder()
            .include(InferenceBenchmarks.class.getName())
            .forks(1)
            .threads(1)
            .warmupIterations(3)
            .warmupTime(TimeValue.seconds(2))
            .measurementIterations(5)
            .measurementTime(TimeValue.seconds(3))
            .jvmArgs("-Xmx256m", "-Dbench.model=" + model)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    long onnxBytes = bundle.files().onnx().length;
    String load = Files.readString(Path.of("/proc/loadavg")).trim();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark().replaceAll(".*\\.", "");
      Statistics stats = result.getPrimaryResult().getStatistics();
      if (name.startsWith("singleRow")) {
        double p50 = stats.getPercentile(50);
        double p99 = stats.getPercentile(99);
        log.info(
            "BENCH inference {}: p50 {} µs, p90 {} µs, p99 {} µs, p99.9 {} µs, mean {} µs ({}"
                + " samples) — target p50 ≤ {} µs and p99 ≤ {} µs: {}; model {} ({} features,"
                + " ONNX {} bytes); load {}",
            name,
            f(p50),
            f(stats.getPercentile(90)),
            f(p99),
            f(stats.getPercentile(99.9)),
            f(stats.getMean()),
            stats.getN(),
            f(P50_TARGET_US),
            f(P99_TARGET_US),
            p50 <= P50_TARGET_US && p99 <= P99_TARGET_US ? "met" : "NOT MET",
            bundle.files().manifest().model(),
            bundle.files().manifest().features().size(),
            onnxBytes,
            load);
      } else {
        int rows = Integer.parseInt(result.getParams().getParam("rows"));
        double rowsPerSecond = stats.getMean() * rows;
        log.info(
            "BENCH inference {} of {} rows: {} batches/s ± {} = {} M rows/s — target ≥ {} M"
                + " rows/s: {}; ONNX {} bytes; load {}",
            name,
            rows,
            f(stats.getMean()),
            f(stats.getMeanErrorAt(0.999)),
            f(rowsPerSecond / 1e6),
            f(BATCH_TARGET_ROWS_PER_S / 1e6),
            rowsPerSecond >= BATCH_TARGET_ROWS_PER_S ? "met" : "NOT MET",
            onnxBytes,
            load);
      }
    }
  }

  private static String f(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
