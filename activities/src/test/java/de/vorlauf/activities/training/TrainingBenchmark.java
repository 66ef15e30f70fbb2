package de.vorlauf.activities.training;

import de.vorlauf.domain.training.BuildingHistory;
import de.vorlauf.domain.training.DemandDatasetBuilder;
import de.vorlauf.inference.ModelBundle;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 20's training benchmark, outside the suite (no {@code Test}/{@code IT} name; run by name
 * through Failsafe, whose booter jar keeps the command line short — see docs/benchmarks.md for why
 * that matters to ONNX Runtime): {@code buildings} × {@code days} of synthetic hour aggregates
 * ({@link SyntheticFleet}: the simulator's backfilled features are not available to this module
 * yet), trained with the default parameters (MLP 14-32-32-1, at most 30 epochs, patience 5, batches
 * of 256). Prints one {@code BENCH} line: wall time of {@link HeatDemandTrainer#train} (dataset,
 * epochs, baselines, importance, ONNX export and parity), epochs, peak heap, peak JavaCPP bytes and
 * peak RSS. With {@code -Dbench.bundle=<dir>} it also writes the model's bundle (graph, manifest,
 * holdout sample) for the inference benchmark. docs/benchmarks.md gives the commands.
 */
class TrainingBenchmark {

  private static final Logger log = LoggerFactory.getLogger(TrainingBenchmark.class);

  @Test
  void trainFiftyBuildingsOverNinetyDays() throws Exception {
    int buildings = Integer.getInteger("bench.buildings", 50);
    int days = Integer.getInteger("bench.days", 90);
    Instant from = Instant.parse("2026-01-08T00:00:00Z");
    Instant to = from.plus(Duration.ofDays(days));
    List<BuildingHistory> histories =
        SyntheticFleet.histories(buildings, from.minus(DemandDatasetBuilder.LOOKBACK), to, 20);
    long slotRows = (long) buildings * days * 96;
    TrainingParameters parameters = TrainingParameters.defaults(from, to);
    AtomicLong peakJavaCpp = new AtomicLong();
    AtomicLong peakPhysical = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peakJavaCpp.accumulateAndGet(Pointer.totalBytes(), Math::max);
                peakPhysical.accumulateAndGet(Pointer.physicalBytes(), Math::max);
                try {
                  Thread.sleep(200);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "bench-memory");
    sampler.setDaemon(true);
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    sampler.start();
    long started = System.nanoTime();
    TrainingResult result =
        new HeatDemandTrainer("bench")
            .train(
                parameters,
                SyntheticFleet.data(histories),
                (loss, checkpoint) ->
                    log.info(
                        "epoch {} train {} validation {} checkpoint {} bytes",
                        loss.epoch(),
                        loss.trainLoss(),
                        loss.validationLoss(),
                        checkpoint.toBytes().length),
                null);
    double seconds = (System.nanoTime() - started) / 1e9;
    sampler.interrupt();
    long peakHeap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .mapToLong(p -> p.getPeakUsage().getUsed())
            .sum();
    log.info(
        "BENCH training {} buildings x {} days ({} slot rows, {} hourly samples: {} train, {}"
            + " validation, {} holdout), network {}, {} epochs (best {}, stopped early {}): {} s"
            + " total, {} s epochs; holdout RMSE mlp {} kW, degree hours {} kW, persistence {} kW;"
            + " ONNX {} bytes, parity max |a-b| {} kW; peak heap {} MB (max {} MB), peak JavaCPP"
            + " {} MB, peak physical {} MB, VmHWM {}; OMP_NUM_THREADS={}; load {}",
        buildings,
        days,
        slotRows,
        result.dataset().trainRows()
            + result.dataset().validationRows()
            + result.dataset().holdoutRows(),
        result.dataset().trainRows(),
        result.dataset().validationRows(),
        result.dataset().holdoutRows(),
        result.network(),
        result.lossCurve().size(),
        result.bestEpoch(),
        result.stoppedEarly(),
        String.format("%.1f", seconds),
        String.format("%.1f", result.trainingMillis() / 1000.0),
        String.format("%.3f", result.metric(TrainingResult.MODEL, "all").rmse()),
        String.format("%.3f", result.metric(TrainingResult.DEGREE_HOURS, "all").rmse()),
        String.format("%.3f", result.metric(TrainingResult.PERSISTENCE, "all").rmse()),
        result.onnx().length,
        result.parity().maxAbsDiffKw(),
        peakHeap >> 20,
        Runtime.getRuntime().maxMemory() >> 20,
        peakJavaCpp.get() >> 20,
        peakPhysical.get() >> 20,
        vmHwm(),
        System.getenv("OMP_NUM_THREADS"),
        Files.readString(Path.of("/proc/loadavg")).trim());
    String bundle = System.getProperty("bench.bundle");
    if (bundle != null) {
      // the inference benchmark's model (deploy/vorlauf bench-inference <dir>)
      Path dir = Files.createDirectories(Path.of(bundle));
      Files.write(dir.resolve("heat-demand.onnx"), result.onnx());
      Files.write(dir.resolve(ModelBundle.MANIFEST), result.manifest().toJson());
      Files.write(dir.resolve(ModelBundle.HOLDOUT_SAMPLE), result.holdoutSample().toCsv());
      log.info("BENCH model bundle written to {}", dir);
    }
  }

  private static String vmHwm() throws Exception {
    return Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(l -> l.startsWith("VmHWM"))
        .map(l -> l.replaceAll("\\s+", " ").substring(7))
        .findFirst()
        .orElse("?");
  }
}
