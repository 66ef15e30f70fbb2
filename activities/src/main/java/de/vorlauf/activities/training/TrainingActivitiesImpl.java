package de.vorlauf.activities.training;

import de.vorlauf.domain.training.FeatureLineage;
import de.vorlauf.domain.training.PermutationImportance.Importance;
import de.vorlauf.domain.training.RegressionMetrics;
import de.vorlauf.domain.training.TrainingData;
import de.vorlauf.inference.ModelBundle;
import de.vorlauf.inference.ModelManifest;
import de.vorlauf.persistence.experiments.ExperimentTracker;
import de.vorlauf.persistence.experiments.FeatureWindow;
import de.vorlauf.persistence.experiments.MetricStep;
import de.vorlauf.persistence.experiments.RunStart;
import de.vorlauf.persistence.experiments.RunStatus;
import de.vorlauf.persistence.experiments.TrackedRun;
import de.vorlauf.persistence.experiments.UnknownRunException;
import de.vorlauf.persistence.models.ChangeRequest;
import de.vorlauf.persistence.models.ModelRegistry;
import de.vorlauf.persistence.models.ModelVersion;
import de.vorlauf.persistence.models.Registration;
import de.vorlauf.persistence.models.RegistryRefusedException;
import de.vorlauf.workflows.training.RegisteredVersion;
import de.vorlauf.workflows.training.TrainingActivities;
import de.vorlauf.workflows.training.TrainingHeartbeat;
import de.vorlauf.workflows.training.TrainingJob;
import de.vorlauf.workflows.training.TrainingOutcome;
import de.vorlauf.workflows.training.TrainingPhase;
import de.vorlauf.workflows.training.TrainingStatus;
import de.vorlauf.workflows.training.TrainingWorkflow;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads, trains and records one heat-demand run. The result (ONNX file, every holdout prediction)
 * goes to experiment tracking here, in the worker; the workflow gets a {@link TrainingOutcome} of a
 * few numbers.
 *
 * <p><b>Retries.</b> Every epoch heartbeats a {@link TrainingHeartbeat} with the engine's
 * checkpoint; an attempt after a worker restart or a heartbeat timeout finds it in {@code
 * getHeartbeatDetails} and resumes there (the engine makes a resumed run equal an uninterrupted
 * one). Until its own first epoch the attempt heartbeats the checkpoint it resumed from, so a
 * second failure before that does not lose it. A checkpoint the engine refuses (the window's
 * features were rewritten meanwhile) is dropped and the run starts over. The tracked run is found
 * again by its run key and every value is written again, replacing the failed attempt's.
 */
public final class TrainingActivitiesImpl implements TrainingActivities {

  static final String ONNX_ARTIFACT = "model/heat-demand.onnx";
  static final String HOLDOUT_ARTIFACT = "holdout/predictions.csv";
  static final String DRIFT_ARTIFACT = "drift/reference.csv";
  static final String IMPORTANCE_ARTIFACT = "importance.csv";
  static final String FEATURES_ARTIFACT = "features.csv";
  // the registry serves these two under the same names in its download bundle
  static final String MANIFEST_ARTIFACT = ModelBundle.MANIFEST;
  static final String HOLDOUT_SAMPLE_ARTIFACT = ModelBundle.HOLDOUT_SAMPLE;

  private static final Logger log = LoggerFactory.getLogger(TrainingActivitiesImpl.class);

  private final TrainingEngine engine;
  private final ExperimentTracker tracker;
  private final ModelRegistry registry;
  private final String codeVersion;

  public TrainingActivitiesImpl(
      TrainingEngine engine,
      ExperimentTracker tracker,
      ModelRegistry registry,
      String codeVersion) {
    this.engine = engine;
    this.tracker = tracker;
    this.registry = registry;
    this.codeVersion = codeVersion;
  }

  @Override
  public TrainingOutcome train(TrainingJob job) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    int attempt = context.getInfo().getAttempt();
    TrainingParameters parameters = parameters(job);
    Optional<TrainingHeartbeat> last = context.getHeartbeatDetails(TrainingHeartbeat.class);
    TrainingCheckpoint resume =
        last.map(h -> TrainingCheckpoint.fromBytes(h.checkpoint())).orElse(null);
    int resumedFrom = resume == null ? 0 : resume.epoch();
    Reporter reporter = new Reporter(context, job, attempt, resumedFrom, last.orElse(null));
    try {
      TrackedRun run = start(job, parameters);
      reporter.runId = run.id();
      reporter.phase(TrainingPhase.READING);
      TrainingData data = engine.read(parameters);
      reporter.phase(TrainingPhase.TRAINING);
      TrainingResult result = train(parameters, data, reporter, resume);
      reporter.phase(TrainingPhase.RECORDING);
      record(run.id(), job.workflowId(), result);
      tracker.finishRun(run.id(), RunStatus.FINISHED);
      return outcome(run.id(), result, resume == null ? 0 : resumedFrom);
    } catch (SQLException e) {
      throw ApplicationFailure.newFailureWithCause("database: " + e.getMessage(), "Database", e);
    }
  }

  @Override
  public RegisteredVersion register(TrainingJob job, TrainingOutcome outcome) {
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("workflowId", job.workflowId());
    evidence.put("modelRmseKw", outcome.modelRmseKw());
    evidence.put("degreeHoursRmseKw", outcome.degreeHoursRmseKw());
    evidence.put("persistenceRmseKw", outcome.persistenceRmseKw());
    evidence.put("onnxSha256", outcome.onnxSha256());
    try {
      Registration registration =
          registry.register(
              MODEL,
              outcome.runId(),
              "trained " + job.from() + " to " + job.to() + ", requested by " + job.requestedBy(),
              Map.of("source", "training", "workflow", job.workflowId()),
              new ChangeRequest(
                  "training " + job.workflowId(),
                  "training run " + outcome.runId() + " finished",
                  evidence));
      ModelVersion version = registration.version();
      return new RegisteredVersion(
          MODEL, version.version(), version.stage().name(), registration.created());
    } catch (RegistryRefusedException | UnknownRunException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), REFUSED);
    } catch (SQLException e) {
      throw ApplicationFailure.newFailureWithCause("database: " + e.getMessage(), "Database", e);
    }
  }

  @Override
  public void markFailed(TrainingJob job, String reason) {
    try {
      TrackedRun run = start(job, null);
      tracker.setTags(run.id(), Map.of("error", abbreviate(reason)));
      tracker.finishRun(run.id(), RunStatus.FAILED);
    } catch (SQLException e) {
      throw ApplicationFailure.newFailureWithCause("database: " + e.getMessage(), "Database", e);
    }
  }

  private TrainingResult train(
      TrainingParameters parameters,
      TrainingData data,
      Reporter reporter,
      TrainingCheckpoint resume) {
    try {
      return engine.train(parameters, data, reporter, resume);
    } catch (ActivityCompletionException e) {
      throw e; // cancelled or timed out while heartbeating: Temporal decides, not us
    } catch (IllegalArgumentException e) {
      if (resume != null && String.valueOf(e.getMessage()).startsWith("the checkpoint")) {
        log.warn("training: {}; starting over", e.getMessage());
        reporter.resumedFrom = 0;
        return train(parameters, data, reporter, null);
      }
      // too little data in a part of the split: the same window fails again
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), REFUSED);
    }
  }

  private TrackedRun start(TrainingJob job, TrainingParameters parameters) throws SQLException {
    TrackedRun run =
        tracker.startRun(
            new RunStart(
                EXPERIMENT,
                job.runKey(),
                job.workflowId(),
                codeVersion,
                job.workflowId(),
                job.workflowRunId()));
    if (parameters != null) {
      tracker.logParams(run.id(), params(parameters));
      tracker.setTags(
          run.id(),
          Map.of(
              "requested_by", job.requestedBy(),
              "network", HeatDemandTrainer.network(parameters)));
    }
    return run;
  }

  private static TrainingParameters parameters(TrainingJob job) {
    try {
      TrainingParameters defaults = TrainingParameters.defaults(job.from(), job.to());
      return new TrainingParameters(
          job.from(),
          job.to(),
          job.buildingIds(),
          job.horizonHours(),
          job.hiddenLayers(),
          job.epochs(),
          defaults.patience(),
          job.learningRate(),
          defaults.batchSize(),
          job.seed(),
          defaults.minQuality(),
          defaults.validationFraction(),
          defaults.holdoutFraction(),
          defaults.gap(),
          defaults.importanceRepeats(),
          defaults.driftSampleSize());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "invalid training parameters: " + e.getMessage(), REFUSED);
    }
  }

  static Map<String, String> params(TrainingParameters p) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("from", p.from().toString());
    params.put("to", p.to().toString());
    params.put("buildings", p.buildingIds().isEmpty() ? "all" : String.join(",", p.buildingIds()));
    params.put("horizon_hours", String.valueOf(p.horizonHours()));
    params.put(
        "hidden_layers",
        p.hiddenLayers().stream().map(String::valueOf).collect(Collectors.joining("-")));
    params.put("max_epochs", String.valueOf(p.maxEpochs()));
    params.put("patience", String.valueOf(p.patience()));
    params.put("learning_rate", String.valueOf(p.learningRate()));
    params.put("batch_size", String.valueOf(p.batchSize()));
    params.put("seed", String.valueOf(p.seed()));
    params.put("min_quality", String.valueOf(p.minQuality()));
    params.put("validation_fraction", String.valueOf(p.validationFraction()));
    params.put("holdout_fraction", String.valueOf(p.holdoutFraction()));
    params.put("gap", p.gap().toString());
    params.put("importance_repeats", String.valueOf(p.importanceRepeats()));
    params.put("drift_sample_size", String.valueOf(p.driftSampleSize()));
    return params;
  }

  private void record(long runId, String workflowId, TrainingResult result) throws SQLException {
    TrainingResult.DatasetSummary dataset = result.dataset();
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("data_fingerprint", result.dataFingerprint());
    tags.put("onnx_sha256", result.onnxSha256());
    tags.put("stopped_early", String.valueOf(result.stoppedEarly()));
    if (!dataset.excludedBuildings().isEmpty()) {
      tags.put("excluded_buildings", abbreviate(dataset.excludedBuildings().toString()));
    }
    tracker.setTags(runId, tags);
    for (TrainingResult.MetricRow row : result.metrics()) {
      String prefix = row.model() + "." + row.heatingType() + ".";
      RegressionMetrics m = row.metrics();
      metric(runId, prefix + "rmse_kw", m.rmse());
      metric(runId, prefix + "mae_kw", m.mae());
      metric(runId, prefix + "bias_kw", m.bias());
      metric(runId, prefix + "r2", m.r2());
      metric(runId, prefix + "n", m.n());
    }
    metric(runId, "best_epoch", result.bestEpoch());
    metric(runId, "epochs", result.lossCurve().size());
    metric(runId, "rows.train", dataset.trainRows());
    metric(runId, "rows.validation", dataset.validationRows());
    metric(runId, "rows.holdout", dataset.holdoutRows());
    metric(runId, "rows.holdout_without_baseline", dataset.holdoutWithoutBaseline());
    metric(runId, "rows.below_quality", dataset.belowQuality());
    metric(runId, "rows.incomplete", dataset.incomplete());
    metric(runId, "buildings", dataset.buildings());
    metric(runId, "onnx.parity_max_abs_diff_kw", result.parity().maxAbsDiffKw());
    metric(runId, "training_seconds", result.trainingMillis() / 1000.0);
    for (Importance importance : result.importance()) {
      metric(runId, "importance." + importance.feature(), importance.rmseIncrease());
    }
    List<MetricStep> train = new ArrayList<>();
    List<MetricStep> validation = new ArrayList<>();
    for (EpochLoss loss : result.lossCurve()) {
      if (Double.isFinite(loss.trainLoss())) {
        train.add(new MetricStep(loss.epoch(), loss.trainLoss()));
      }
      if (Double.isFinite(loss.validationLoss())) {
        validation.add(new MetricStep(loss.epoch(), loss.validationLoss()));
      }
    }
    tracker.logMetricSteps(runId, "loss.train", train);
    tracker.logMetricSteps(runId, "loss.validation", validation);
    tracker.logArtifact(runId, ONNX_ARTIFACT, "application/octet-stream", result.onnx());
    tracker.logArtifact(runId, HOLDOUT_ARTIFACT, "text/csv", csv(holdoutCsv(result)));
    tracker.logArtifact(runId, DRIFT_ARTIFACT, "text/csv", csv(driftCsv(result)));
    tracker.logArtifact(runId, IMPORTANCE_ARTIFACT, "text/csv", csv(importanceCsv(result)));
    tracker.logArtifact(runId, FEATURES_ARTIFACT, "text/csv", csv(featuresCsv(result)));
    ModelManifest manifest =
        result.manifest().withSource(new ModelManifest.Source(EXPERIMENT, runId, workflowId));
    tracker.logArtifact(runId, MANIFEST_ARTIFACT, "application/json", manifest.toJson());
    tracker.logArtifact(runId, HOLDOUT_SAMPLE_ARTIFACT, "text/csv", result.holdoutSample().toCsv());
    FeatureLineage lineage = result.lineage();
    tracker.recordLineage(
        runId,
        new FeatureWindow(lineage.firstDay(), lineage.lastDay(), lineage.buildingIds()),
        result.dataFingerprint());
  }

  private void metric(long runId, String key, double value) throws SQLException {
    if (Double.isFinite(value)) { // R² of a constant holdout is NaN: leave it out, not fail
      tracker.logMetric(runId, key, value);
    }
  }

  static String holdoutCsv(TrainingResult result) {
    StringBuilder csv =
        new StringBuilder(
            "building_id,heating_type,target_hour,actual_kw,model_kw,degree_hours_kw,"
                + "persistence_kw\n");
    for (TrainingResult.HoldoutPrediction h : result.holdout()) {
      csv.append(h.buildingId())
          .append(',')
          .append(h.heatingType())
          .append(',')
          .append(h.targetHour())
          .append(',')
          .append(number(h.actualKw()))
          .append(',')
          .append(number(h.modelKw()))
          .append(',')
          .append(number(h.degreeHoursKw()))
          .append(',')
          .append(number(h.persistenceKw()))
          .append('\n');
    }
    return csv.toString();
  }

  private static String driftCsv(TrainingResult result) {
    TrainingResult.DriftReference drift = result.driftReference();
    StringBuilder csv = new StringBuilder(String.join(",", drift.columns())).append('\n');
    for (double[] row : drift.rows()) {
      for (int i = 0; i < row.length; i++) {
        csv.append(i == 0 ? "" : ",").append(number(row[i]));
      }
      csv.append('\n');
    }
    return csv.toString();
  }

  private static String importanceCsv(TrainingResult result) {
    StringBuilder csv = new StringBuilder("feature,rmse_increase_w_m2,std_w_m2\n");
    for (Importance i : result.importance()) {
      csv.append(i.feature())
          .append(',')
          .append(number(i.rmseIncrease()))
          .append(',')
          .append(number(i.rmseIncreaseStd()))
          .append('\n');
    }
    return csv.toString();
  }

  private static String featuresCsv(TrainingResult result) {
    StringBuilder csv = new StringBuilder("name,unit,source,meaning\n");
    for (TrainingResult.FeatureSpec f : result.features()) {
      csv.append(f.name())
          .append(',')
          .append(quoted(f.unit()))
          .append(',')
          .append(quoted(f.source()))
          .append(',')
          .append(quoted(f.meaning()))
          .append('\n');
    }
    return csv.toString();
  }

  private static String quoted(String text) {
    return "\"" + String.valueOf(text).replace("\"", "\"\"") + "\"";
  }

  private static String number(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6g", value) : "";
  }

  private static byte[] csv(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String abbreviate(String text) {
    String value = String.valueOf(text);
    return value.length() <= 1000 ? value : value.substring(0, 1000) + "…";
  }

  private static TrainingOutcome outcome(long runId, TrainingResult result, int resumedFrom) {
    return new TrainingOutcome(
        EXPERIMENT,
        runId,
        result.lossCurve().size(),
        result.bestEpoch(),
        result.stoppedEarly(),
        result.metric(TrainingResult.MODEL, TrainingResult.ALL_TYPES).rmse(),
        result.metric(TrainingResult.DEGREE_HOURS, TrainingResult.ALL_TYPES).rmse(),
        result.metric(TrainingResult.PERSISTENCE, TrainingResult.ALL_TYPES).rmse(),
        result.onnxSha256(),
        resumedFrom);
  }

  /**
   * Heartbeats every epoch with its checkpoint and tells the workflow (a signal, for the progress
   * query). A signal that fails is logged, never fails the training.
   */
  private static final class Reporter implements TrainingProgress {
    private final ActivityExecutionContext context;
    private final TrainingJob job;
    private final int attempt;
    private TrainingHeartbeat last;
    private int resumedFrom;
    private long runId;
    private TrainingPhase phase = TrainingPhase.READING;

    Reporter(
        ActivityExecutionContext context,
        TrainingJob job,
        int attempt,
        int resumedFrom,
        TrainingHeartbeat last) {
      this.context = context;
      this.job = job;
      this.attempt = attempt;
      this.resumedFrom = resumedFrom;
      this.last = last;
    }

    @Override
    public void epochDone(EpochLoss loss, TrainingCheckpoint checkpoint) {
      last =
          new TrainingHeartbeat(
              loss.epoch(), loss.trainLoss(), loss.validationLoss(), checkpoint.toBytes());
      context.heartbeat(last);
      signal();
    }

    void phase(TrainingPhase next) {
      phase = next;
      // carries the resumed checkpoint forward: a failure before the first epoch keeps it
      context.heartbeat(last);
      signal();
    }

    private void signal() {
      TrainingStatus status =
          new TrainingStatus(
              phase,
              last == null ? 0 : last.epoch(),
              job.epochs(),
              last == null ? Double.NaN : last.trainLoss(),
              last == null ? Double.NaN : last.validationLoss(),
              attempt,
              resumedFrom,
              runId,
              null);
      try {
        context
            .getWorkflowClient()
            .newWorkflowStub(TrainingWorkflow.class, job.workflowId())
            .progressed(status);
      } catch (RuntimeException e) {
        log.debug("training {}: progress signal failed: {}", job.workflowId(), e.toString());
      }
    }
  }
}
