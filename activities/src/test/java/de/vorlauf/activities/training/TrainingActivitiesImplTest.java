package de.vorlauf.activities.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import de.vorlauf.domain.models.Alias;
import de.vorlauf.domain.models.Stage;
import de.vorlauf.domain.training.BuildingHistory;
import de.vorlauf.domain.training.DemandDatasetBuilder;
import de.vorlauf.domain.training.TrainingData;
import de.vorlauf.inference.HoldoutSample;
import de.vorlauf.inference.ModelManifest;
import de.vorlauf.persistence.experiments.ExperimentTracker;
import de.vorlauf.persistence.experiments.FeatureWindow;
import de.vorlauf.persistence.experiments.MetricStep;
import de.vorlauf.persistence.experiments.RunStart;
import de.vorlauf.persistence.experiments.RunStatus;
import de.vorlauf.persistence.experiments.TrackedRun;
import de.vorlauf.persistence.models.ModelRegistry;
import de.vorlauf.persistence.models.ModelVersion;
import de.vorlauf.persistence.models.Registration;
import de.vorlauf.persistence.models.VersionFile;
import de.vorlauf.workflows.training.TrainingActivities;
import de.vorlauf.workflows.training.TrainingOutcome;
import de.vorlauf.workflows.training.TrainingRequest;
import de.vorlauf.workflows.training.TrainingWorkflow;
import de.vorlauf.workflows.training.TrainingWorkflowImpl;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mockito.ArgumentCaptor;

/**
 * The train activity with the real engine on a small synthetic fleet, inside the real workflow on
 * the SDK's test server, recording into a mocked tracker: what it records, and that an attempt that
 * dies after epoch 2 is retried from that epoch's checkpoint and ends with the same model as an
 * uninterrupted run.
 */
@Timeout(180)
class TrainingActivitiesImplTest {

  private static final Instant FROM = Instant.parse("2026-01-08T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-01-29T00:00:00Z");
  private static final String QUEUE = "training-test";

  private static TrainingData data;

  private TestWorkflowEnvironment env;
  private ExperimentTracker tracker;
  private ModelRegistry registry;

  @BeforeAll
  static void fleet() {
    List<BuildingHistory> histories =
        SyntheticFleet.histories(4, FROM.minus(DemandDatasetBuilder.LOOKBACK), TO, 1);
    data = SyntheticFleet.data(histories);
  }

  @BeforeEach
  void environment() throws SQLException {
    env = TestWorkflowEnvironment.newInstance();
    tracker = mock(ExperimentTracker.class);
    registry = mock(ModelRegistry.class);
    when(registry.register(anyString(), anyLong(), anyString(), any(), any()))
        .thenAnswer(
            call ->
                new Registration(
                    new ModelVersion(
                        call.getArgument(0),
                        1,
                        call.getArgument(1),
                        TrainingActivities.EXPERIMENT,
                        "run",
                        Stage.STAGING,
                        List.of(Alias.CHALLENGER),
                        Map.of(),
                        call.getArgument(2),
                        call.getArgument(3),
                        FROM,
                        "test"),
                    true));
    when(tracker.startRun(any()))
        .thenAnswer(
            call -> {
              RunStart start = call.getArgument(0);
              return new TrackedRun(
                  11, start.experiment(), start.runKey(), RunStatus.RUNNING, FROM, false);
            });
  }

  @AfterEach
  void close() {
    env.close();
  }

  private static TrainingRequest request() {
    return new TrainingRequest(FROM, TO, null, List.of(), 1, List.of(8, 8), 6, 5e-3, 7L, "test");
  }

  private TrainingOutcome run(String workflowId, TrainingEngine engine) {
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(TrainingWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new TrainingActivitiesImpl(engine, tracker, registry, "test-version"));
    env.start();
    return env.getWorkflowClient()
        .newWorkflowStub(
            TrainingWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(QUEUE).build())
        .train(request());
  }

  /** The engine on the synthetic fleet; attempt 1 dies after epoch {@code dieAfter} (0: never). */
  private static TrainingEngine engine(TrainingData read, int dieAfter, List<Integer> resumedAt) {
    HeatDemandTrainer trainer = new HeatDemandTrainer("test");
    return new TrainingEngine() {
      @Override
      public TrainingData read(TrainingParameters parameters) {
        return read;
      }

      @Override
      public TrainingResult train(
          TrainingParameters parameters,
          TrainingData trainingData,
          TrainingProgress progress,
          TrainingCheckpoint resume) {
        resumedAt.add(resume == null ? 0 : resume.epoch());
        int attempt = Activity.getExecutionContext().getInfo().getAttempt();
        return trainer.train(
            parameters,
            trainingData,
            (loss, checkpoint) -> {
              progress.epochDone(loss, checkpoint);
              if (attempt == 1 && loss.epoch() == dieAfter) {
                throw new IllegalStateException("worker killed after epoch " + dieAfter);
              }
            },
            resume);
      }
    };
  }

  @Test
  void aRunRecordsParametersMetricsLossCurveArtifactsAndLineage() throws Exception {
    List<Integer> resumedAt = new ArrayList<>();
    TrainingOutcome outcome = run("training-record", engine(data, 0, resumedAt));

    assertThat(resumedAt).containsExactly(0);
    assertThat(outcome.runId()).isEqualTo(11);
    assertThat(outcome.experiment()).isEqualTo(TrainingActivities.EXPERIMENT);
    assertThat(outcome.epochs()).isBetween(1, 6);
    assertThat(outcome.modelRmseKw()).isPositive();
    assertThat(outcome.onnxSha256()).hasSize(64);

    ArgumentCaptor<RunStart> start = ArgumentCaptor.forClass(RunStart.class);
    verify(tracker, atLeastOnce()).startRun(start.capture());
    assertThat(start.getValue().runKey()).isEqualTo("training-record/train");
    assertThat(start.getValue().workflowId()).isEqualTo("training-record");
    assertThat(start.getValue().codeVersion()).isEqualTo("test-version");
    @SuppressWarnings("unchecked")
    ArgumentCaptor<java.util.Map<String, String>> params =
        ArgumentCaptor.forClass(java.util.Map.class);
    verify(tracker).logParams(eq(11L), params.capture());
    assertThat(params.getValue())
        .containsEntry("from", FROM.toString())
        .containsEntry("hidden_layers", "8-8")
        .containsEntry("max_epochs", "6")
        .containsEntry("learning_rate", "0.005")
        .containsEntry("seed", "7")
        .containsEntry("buildings", "all");
    verify(tracker).logMetric(eq(11L), eq("mlp.all.rmse_kw"), eq(outcome.modelRmseKw()));
    verify(tracker).logMetric(eq(11L), eq("degree_hours.all.rmse_kw"), anyDouble());
    verify(tracker).logMetric(eq(11L), eq("persistence.all.mae_kw"), anyDouble());
    verify(tracker).logMetric(eq(11L), eq("mlp.gas.rmse_kw"), anyDouble());
    verify(tracker).logMetric(eq(11L), eq("importance.outdoor_forecast_c"), anyDouble());
    @SuppressWarnings("unchecked")
    ArgumentCaptor<List<MetricStep>> steps = ArgumentCaptor.forClass(List.class);
    verify(tracker).logMetricSteps(eq(11L), eq("loss.validation"), steps.capture());
    assertThat(steps.getValue()).hasSize(outcome.epochs());
    ArgumentCaptor<byte[]> onnx = ArgumentCaptor.forClass(byte[].class);
    verify(tracker)
        .logArtifact(
            eq(11L), eq(TrainingActivitiesImpl.ONNX_ARTIFACT), anyString(), onnx.capture());
    assertThat(onnx.getValue()).isNotEmpty();
    ArgumentCaptor<byte[]> holdout = ArgumentCaptor.forClass(byte[].class);
    verify(tracker)
        .logArtifact(
            eq(11L),
            eq(TrainingActivitiesImpl.HOLDOUT_ARTIFACT),
            eq("text/csv"),
            holdout.capture());
    assertThat(new String(holdout.getValue(), StandardCharsets.UTF_8))
        .startsWith("building_id,heating_type,target_hour,actual_kw,model_kw");
    verify(tracker)
        .logArtifact(eq(11L), eq(TrainingActivitiesImpl.DRIFT_ARTIFACT), eq("text/csv"), any());
    // the registry's download bundle: the manifest names this run, the sample has 200 rows
    ArgumentCaptor<byte[]> manifest = ArgumentCaptor.forClass(byte[].class);
    verify(tracker)
        .logArtifact(eq(11L), eq("manifest.json"), eq("application/json"), manifest.capture());
    ModelManifest recorded = ModelManifest.fromJson(manifest.getValue());
    assertThat(recorded.source())
        .isEqualTo(new ModelManifest.Source("heat-demand", 11L, "training-record"));
    assertThat(recorded.onnx()).isEqualTo(ModelManifest.OnnxFile.of(onnx.getValue()));
    assertThat(recorded.version()).isNull();
    ArgumentCaptor<byte[]> sample = ArgumentCaptor.forClass(byte[].class);
    verify(tracker)
        .logArtifact(eq(11L), eq("holdout-sample.csv"), eq("text/csv"), sample.capture());
    assertThat(HoldoutSample.fromCsv(sample.getValue()).size()).isPositive();
    ArgumentCaptor<FeatureWindow> window = ArgumentCaptor.forClass(FeatureWindow.class);
    verify(tracker).recordLineage(eq(11L), window.capture(), anyString());
    assertThat(window.getValue().buildingIds()).hasSize(4);
    verify(tracker).finishRun(11L, RunStatus.FINISHED);
    verify(tracker, never()).finishRun(anyLong(), eq(RunStatus.FAILED));
    // the registry serves the ONNX artifact under the name the activity stores it
    assertThat(VersionFile.MODEL.artifact()).isEqualTo(TrainingActivitiesImpl.ONNX_ARTIFACT);
    verify(registry).register(eq(TrainingActivities.MODEL), eq(11L), anyString(), any(), any());
  }

  @Test
  void anAttemptThatDiesIsRetriedFromItsLastCheckpointAndEndsWithTheSameModel() {
    List<Integer> resumedAt = new ArrayList<>();
    TrainingOutcome resumed = run("training-resume", engine(data, 2, resumedAt));

    assertThat(resumedAt).containsExactly(0, 2);
    assertThat(resumed.resumedFromEpoch()).isEqualTo(2);

    // the same request uninterrupted, on a fresh test server
    env.close();
    env = TestWorkflowEnvironment.newInstance();
    TrainingOutcome straight = run("training-straight", engine(data, 0, new ArrayList<>()));
    assertThat(resumed.onnxSha256()).isEqualTo(straight.onnxSha256());
    assertThat(resumed.epochs()).isEqualTo(straight.epochs());
  }

  @Test
  void tooLittleDataIsRefusedWithoutRetriesAndTheTrackedRunFails() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    TrainingData empty = new TrainingData(List.of(), data.lineage());
    TrainingEngine engine = engine(empty, 0, new ArrayList<>());
    TrainingEngine counting =
        new TrainingEngine() {
          @Override
          public TrainingData read(TrainingParameters parameters) throws SQLException {
            reads.incrementAndGet();
            return engine.read(parameters);
          }

          @Override
          public TrainingResult train(
              TrainingParameters p, TrainingData d, TrainingProgress pr, TrainingCheckpoint r) {
            return engine.train(p, d, pr, r);
          }
        };

    assertThatThrownBy(() -> run("training-empty", counting))
        .isInstanceOf(WorkflowFailedException.class)
        .hasStackTraceContaining("not enough data");
    assertThat(reads.get()).isEqualTo(1);
    @SuppressWarnings("unchecked")
    ArgumentCaptor<java.util.Map<String, String>> tags =
        ArgumentCaptor.forClass(java.util.Map.class);
    verify(tracker, atLeastOnce()).setTags(eq(11L), tags.capture());
    assertThat(tags.getAllValues())
        .anySatisfy(t -> assertThat(t.get("error")).startsWith("not enough data"));
    verify(tracker).finishRun(11L, RunStatus.FAILED);
  }

  private static double anyDouble() {
    return org.mockito.ArgumentMatchers.anyDouble();
  }
}
