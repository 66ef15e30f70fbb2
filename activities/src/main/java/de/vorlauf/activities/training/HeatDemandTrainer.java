package de.vorlauf.activities.training;

import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.training.BuildingHistory;
import de.vorlauf.domain.training.DegreeHourBaseline;
import de.vorlauf.domain.training.DemandDataset;
import de.vorlauf.domain.training.DemandDatasetBuilder;
import de.vorlauf.domain.training.DemandFeature;
import de.vorlauf.domain.training.DemandSample;
import de.vorlauf.domain.training.FeatureLineage;
import de.vorlauf.domain.training.PermutationImportance;
import de.vorlauf.domain.training.RegressionMetrics;
import de.vorlauf.domain.training.TimeSplit;
import de.vorlauf.domain.training.TrainingData;
import de.vorlauf.inference.HoldoutSample;
import de.vorlauf.inference.ModelManifest;
import de.vorlauf.inference.ParityCheck;
import de.vorlauf.persistence.features.TrainingDataRepository;
import de.vorlauf.workflows.training.TrainingActivities;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heat-demand training engine (issue 20): dataset, split, MLP with early stopping, baselines,
 * metrics, importance, ONNX export with its parity check, drift reference, all in one call. The
 * training workflow's activity calls {@link #read} then {@link #train}, heartbeats from the {@link
 * TrainingProgress} and stores the result in the experiment tracking.
 *
 * <p>A run fails (exception) when a part of the split has no sample, when a checkpoint does not
 * belong to the data and parameters, or when the ONNX graph does not reproduce the network ({@link
 * OnnxParity.ParityException}).
 */
public final class HeatDemandTrainer {

  private static final Logger log = LoggerFactory.getLogger(HeatDemandTrainer.class);

  private final String version;

  /**
   * @param version recorded as the ONNX graph's producer version
   */
  public HeatDemandTrainer(String version) {
    this.version = version;
  }

  /**
   * The read a run of {@code parameters} needs: the window and the week before it, with its
   * lineage.
   */
  public static TrainingData read(TrainingDataRepository repository, TrainingParameters parameters)
      throws SQLException {
    Instant from = parameters.from().minus(DemandDatasetBuilder.LOOKBACK);
    List<BuildingHistory> histories =
        repository.histories(parameters.buildingIds(), from, parameters.to());
    return new TrainingData(histories, FeatureLineage.of(from, parameters.to(), histories));
  }

  /**
   * Trains on {@code data} (as {@link #read} returns it).
   *
   * @param resume a checkpoint {@code progress} was given by an earlier run of the same parameters
   *     on the same data, or null
   */
  public TrainingResult train(
      TrainingParameters p,
      TrainingData data,
      TrainingProgress progress,
      TrainingCheckpoint resume) {
    long started = System.nanoTime();
    List<BuildingHistory> histories = data.histories();
    TimeSplit split =
        TimeSplit.of(p.from(), p.to(), p.validationFraction(), p.holdoutFraction(), p.gap());
    DemandDataset dataset =
        DemandDatasetBuilder.build(histories, split, p.horizonHours(), p.minQuality());
    List<DemandSample> train = dataset.part(TimeSplit.Part.TRAIN);
    List<DemandSample> validation = dataset.part(TimeSplit.Part.VALIDATION);
    List<DemandSample> allHoldout = dataset.part(TimeSplit.Part.HOLDOUT);
    if (train.isEmpty() || validation.isEmpty() || allHoldout.isEmpty()) {
      throw new IllegalArgumentException(
          "not enough data: %d train, %d validation, %d holdout samples (excluded: %s)"
              .formatted(
                  train.size(), validation.size(), allHoldout.size(), dataset.excludedBuildings()));
    }
    double[][] xTrain = inputs(train);
    double[] yTrain = train.stream().mapToDouble(DemandSample::targetWm2).toArray();
    Standardisation standardisation = Standardisation.fit(xTrain, yTrain);
    MlpTrainer trainer = new MlpTrainer(p, dataset.fingerprint());
    long trainingStarted = System.nanoTime();
    TrainedMlp model =
        trainer.train(
            matrix(xTrain, yTrain, standardisation),
            matrix(
                inputs(validation),
                validation.stream().mapToDouble(DemandSample::targetWm2).toArray(),
                standardisation),
            standardisation,
            progress,
            resume);
    long trainingMillis = (System.nanoTime() - trainingStarted) / 1_000_000;

    log.debug("epochs done in {} ms, baselines next", trainingMillis);
    DegreeHourBaseline degreeHours = DegreeHourBaseline.fit(train);
    List<DemandSample> holdout =
        allHoldout.stream().filter(s -> degreeHours.line(s.buildingId()).isPresent()).toList();
    double[][] xHoldout = inputs(holdout);
    float[] modelWm2 = model.predictWm2(xHoldout);
    List<TrainingResult.HoldoutPrediction> predictions = new ArrayList<>(holdout.size());
    for (int i = 0; i < holdout.size(); i++) {
      DemandSample s = holdout.get(i);
      predictions.add(
          new TrainingResult.HoldoutPrediction(
              s.buildingId(),
              s.heatingType().code(),
              s.targetHour(),
              s.targetKw(),
              s.toKw(modelWm2[i]),
              degreeHours.predictKw(s),
              s.persistenceKw()));
    }
    List<TrainingResult.MetricRow> metrics = metrics(predictions);

    log.debug("holdout predicted ({} rows), importance next", holdout.size());
    double[] yHoldout = holdout.stream().mapToDouble(DemandSample::targetWm2).toArray();
    List<PermutationImportance.Importance> importance =
        PermutationImportance.compute(
            xHoldout,
            yHoldout,
            DemandFeature.columns(),
            model::predictWm2Double,
            p.seed(),
            p.importanceRepeats());

    log.debug("importance done, ONNX export next");
    byte[] onnx = OnnxExporter.export(model, version);
    ModelManifest manifest = manifest(p, standardisation, onnx);
    double[] areas = holdout.stream().mapToDouble(DemandSample::areaM2).toArray();
    ParityCheck.Report parity = OnnxParity.check(onnx, manifest, xHoldout, modelWm2, areas);
    HoldoutSample sample = holdoutSample(xHoldout, areas, modelWm2, p.seed());

    TrainingResult.DriftReference drift = driftReference(xTrain, p);
    long totalMillis = (System.nanoTime() - started) / 1_000_000;
    log.info(
        "heat-demand model trained: {} samples ({} train), {} epochs, best {}, holdout RMSE {} kW"
            + " (degree hours {} kW), ONNX parity max |a−b| {} kW",
        dataset.samples().size(),
        train.size(),
        model.losses().size(),
        model.bestEpoch(),
        metricOf(metrics, TrainingResult.MODEL).rmse(),
        metricOf(metrics, TrainingResult.DEGREE_HOURS).rmse(),
        parity.maxAbsDiffKw());
    return new TrainingResult(
        p,
        dataset.fingerprint(),
        data.lineage(),
        new TrainingResult.DatasetSummary(
            histories.size(),
            dataset.excludedBuildings(),
            train.size(),
            validation.size(),
            allHoldout.size(),
            allHoldout.size() - holdout.size(),
            dataset.belowQuality(),
            dataset.incomplete(),
            split),
        TrainingResult.FeatureSpec.all(),
        network(p),
        metrics,
        model.losses(),
        model.bestEpoch(),
        model.stoppedEarly(),
        importance,
        predictions,
        onnx,
        manifest.onnx().sha256(),
        manifest,
        sample,
        parity,
        drift,
        trainingMillis,
        totalMillis);
  }

  static String network(TrainingParameters p) {
    return DemandFeature.count()
        + "-"
        + p.hiddenLayers().stream().map(String::valueOf).collect(Collectors.joining("-"))
        + "-1 relu";
  }

  private static List<TrainingResult.MetricRow> metrics(
      List<TrainingResult.HoldoutPrediction> predictions) {
    List<TrainingResult.MetricRow> rows = new ArrayList<>();
    List<String> types = new ArrayList<>(List.of(TrainingResult.ALL_TYPES));
    for (HeatingType type : HeatingType.values()) {
      types.add(type.code());
    }
    for (String type : types) {
      Predicate<TrainingResult.HoldoutPrediction> in =
          h -> type.equals(TrainingResult.ALL_TYPES) || h.heatingType().equals(type);
      List<TrainingResult.HoldoutPrediction> part = predictions.stream().filter(in).toList();
      if (part.isEmpty()) {
        continue;
      }
      double[] actual =
          part.stream().mapToDouble(TrainingResult.HoldoutPrediction::actualKw).toArray();
      rows.add(
          new TrainingResult.MetricRow(
              TrainingResult.MODEL,
              type,
              RegressionMetrics.of(
                  actual,
                  part.stream().mapToDouble(TrainingResult.HoldoutPrediction::modelKw).toArray())));
      rows.add(
          new TrainingResult.MetricRow(
              TrainingResult.DEGREE_HOURS,
              type,
              RegressionMetrics.of(
                  actual,
                  part.stream()
                      .mapToDouble(TrainingResult.HoldoutPrediction::degreeHoursKw)
                      .toArray())));
      rows.add(
          new TrainingResult.MetricRow(
              TrainingResult.PERSISTENCE,
              type,
              RegressionMetrics.of(
                  actual,
                  part.stream()
                      .mapToDouble(TrainingResult.HoldoutPrediction::persistenceKw)
                      .toArray())));
    }
    return rows;
  }

  private static RegressionMetrics metricOf(List<TrainingResult.MetricRow> rows, String model) {
    return rows.stream()
        .filter(r -> r.model().equals(model) && r.heatingType().equals(TrainingResult.ALL_TYPES))
        .findFirst()
        .orElseThrow()
        .metrics();
  }

  private static TrainingResult.DriftReference driftReference(
      double[][] xTrain, TrainingParameters p) {
    int n = Math.min(p.driftSampleSize(), xTrain.length);
    int[] order = new int[xTrain.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(p.seed());
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      int j = i + random.nextInt(order.length - i);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
      rows[i] = xTrain[order[i]].clone();
    }
    return new TrainingResult.DriftReference(DemandFeature.columns(), rows, p.seed());
  }

  private static double[][] inputs(List<DemandSample> samples) {
    double[][] x = new double[samples.size()][];
    for (int i = 0; i < x.length; i++) {
      x[i] = samples.get(i).features();
    }
    return x;
  }

  private static MlpTrainer.Matrix matrix(double[][] x, double[] y, Standardisation s) {
    float[] targets = new float[y.length];
    for (int i = 0; i < y.length; i++) {
      targets[i] = s.normaliseTarget(y[i]);
    }
    return new MlpTrainer.Matrix(s.normalise(x), targets, x.length, x[0].length);
  }

  /** Rows of the holdout sample the verification command reproduces. */
  static final int HOLDOUT_SAMPLE_ROWS = 200;

  /** The manifest of the exported graph: features in input order with the graph's normalisation. */
  private ModelManifest manifest(TrainingParameters p, Standardisation s, byte[] onnx) {
    DemandFeature[] all = DemandFeature.values();
    List<ModelManifest.Feature> features = new ArrayList<>(all.length);
    for (int c = 0; c < all.length; c++) {
      features.add(
          new ModelManifest.Feature(all[c].column(), all[c].unit(), s.mean()[c], s.std()[c]));
    }
    return new ModelManifest(
        ModelManifest.FORMAT,
        TrainingActivities.EXPERIMENT,
        null,
        OnnxExporter.INPUT,
        OnnxExporter.OUTPUT,
        features,
        new ModelManifest.Target(OnnxExporter.OUTPUT, "W/m²", s.targetMean(), s.targetStd()),
        ModelManifest.OnnxFile.of(onnx),
        new ModelManifest.Window(p.from(), p.to()),
        version,
        new ModelManifest.Source(TrainingActivities.EXPERIMENT, null, null),
        Instant.now());
  }

  /**
   * Up to {@link #HOLDOUT_SAMPLE_ROWS} holdout rows drawn with the run's seed, in holdout order.
   */
  private static HoldoutSample holdoutSample(
      double[][] x, double[] areas, float[] dl4jWm2, long seed) {
    int[] rows =
        new SplittableRandom(seed)
            .ints(0, x.length)
            .distinct()
            .limit(Math.min(HOLDOUT_SAMPLE_ROWS, x.length))
            .sorted()
            .toArray();
    double[][] inputs = new double[rows.length][];
    double[] area = new double[rows.length];
    float[] expected = new float[rows.length];
    for (int i = 0; i < rows.length; i++) {
      inputs[i] = x[rows[i]].clone();
      area[i] = areas[rows[i]];
      expected[i] = dl4jWm2[rows[i]];
    }
    return new HoldoutSample(DemandFeature.columns(), inputs, area, expected);
  }
}
