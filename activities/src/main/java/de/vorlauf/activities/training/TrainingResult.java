package de.vorlauf.activities.training;

import de.vorlauf.domain.training.DemandFeature;
import de.vorlauf.domain.training.FeatureLineage;
import de.vorlauf.domain.training.PermutationImportance.Importance;
import de.vorlauf.domain.training.RegressionMetrics;
import de.vorlauf.domain.training.ServingRules;
import de.vorlauf.domain.training.TimeSplit;
import de.vorlauf.inference.HoldoutSample;
import de.vorlauf.inference.ModelManifest;
import de.vorlauf.inference.ParityCheck;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a training run must record (issue 20, "Recorded"): what experiment tracking stores for
 * the run. Large (the ONNX bytes, every holdout row): the training activity stores it, it is not a
 * workflow payload.
 *
 * @param parameters as given
 * @param dataFingerprint SHA-256 of the input read ({@code DemandDataset.fingerprint}): lineage
 * @param lineage the range, local days and buildings read: experiment tracking's feature window
 * @param dataset what was read, used and left out, and the split
 * @param features the inputs in model order: name, unit, source column, meaning
 * @param network e.g. {@code 14-32-32-1 relu}
 * @param metrics model and baselines, overall ({@code heatingType} "all") and per heating type, in
 *     kW on the holdout
 * @param lossCurve one per epoch run
 * @param bestEpoch the epoch whose weights the model has
 * @param importance permutation importance on the holdout, RMSE increase in W/m²
 * @param holdout one row per holdout sample with the three predictions
 * @param onnx the exported graph (network and normalisation)
 * @param onnxSha256 its SHA-256, hex
 * @param manifest the graph's manifest, without version and run (the activity adds the run)
 * @param holdoutSample a seeded sample of holdout rows with DL4J's predictions, for the
 *     verification command
 * @param parity the ONNX Runtime vs DL4J comparison on the holdout (passed, or no result)
 * @param driftReference a seeded sample of training inputs for drift monitoring
 * @param trainingMillis wall time of the epochs (this run's, resumed epochs not counted)
 * @param totalMillis wall time of {@code train} as a whole
 */
public record TrainingResult(
    TrainingParameters parameters,
    String dataFingerprint,
    FeatureLineage lineage,
    DatasetSummary dataset,
    List<FeatureSpec> features,
    String network,
    List<MetricRow> metrics,
    List<EpochLoss> lossCurve,
    int bestEpoch,
    boolean stoppedEarly,
    List<Importance> importance,
    List<HoldoutPrediction> holdout,
    byte[] onnx,
    String onnxSha256,
    ModelManifest manifest,
    HoldoutSample holdoutSample,
    ParityCheck.Report parity,
    DriftReference driftReference,
    long trainingMillis,
    long totalMillis) {

  public static final String MODEL = ServingRules.NETWORK;
  public static final String DEGREE_HOURS = "degree_hours";
  public static final String PERSISTENCE = "persistence";
  public static final String ALL_TYPES = ServingRules.ALL_TYPES;

  /**
   * @param buildings buildings read
   * @param excludedBuildings id → reason
   * @param holdoutWithoutBaseline holdout rows left out of the metrics: their building had no
   *     training rows, so no degree-hour line
   */
  public record DatasetSummary(
      int buildings,
      Map<String, String> excludedBuildings,
      long trainRows,
      long validationRows,
      long holdoutRows,
      long holdoutWithoutBaseline,
      long belowQuality,
      long incomplete,
      TimeSplit split) {}

  public record FeatureSpec(String name, String unit, String source, String meaning) {
    static List<FeatureSpec> all() {
      return java.util.Arrays.stream(DemandFeature.values())
          .map(f -> new FeatureSpec(f.column(), f.unit(), f.source(), f.meaning()))
          .toList();
    }
  }

  /** {@code model}: {@link #MODEL}, {@link #DEGREE_HOURS} or {@link #PERSISTENCE}. */
  public record MetricRow(String model, String heatingType, RegressionMetrics metrics) {}

  public record HoldoutPrediction(
      String buildingId,
      String heatingType,
      Instant targetHour,
      double actualKw,
      double modelKw,
      double degreeHoursKw,
      double persistenceKw) {}

  /** Rows of raw inputs ({@code columns} order) drawn from the train part with {@code seed}. */
  public record DriftReference(List<String> columns, double[][] rows, long seed) {}

  /** The metrics of one model and heating type ({@link #ALL_TYPES} for the whole holdout). */
  public RegressionMetrics metric(String model, String heatingType) {
    return metrics.stream()
        .filter(m -> m.model().equals(model) && m.heatingType().equals(heatingType))
        .map(MetricRow::metrics)
        .findFirst()
        .orElseThrow();
  }
}
