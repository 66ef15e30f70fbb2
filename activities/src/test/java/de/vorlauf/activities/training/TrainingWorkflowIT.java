package de.vorlauf.activities.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.inference.HoldoutSample;
import de.vorlauf.inference.ModelException;
import de.vorlauf.inference.ModelFiles;
import de.vorlauf.inference.ModelKey;
import de.vorlauf.inference.ModelManifest;
import de.vorlauf.inference.ModelSession;
import de.vorlauf.inference.ModelSessions;
import de.vorlauf.inference.ModelVerification;
import de.vorlauf.inference.ParityCheck;
import de.vorlauf.inference.serving.RegistrySource;
import de.vorlauf.persistence.experiments.Artifact;
import de.vorlauf.persistence.experiments.BuildInfo;
import de.vorlauf.persistence.experiments.ExperimentQueries;
import de.vorlauf.persistence.experiments.JdbcExperimentTracker;
import de.vorlauf.persistence.experiments.RunDetail;
import de.vorlauf.persistence.experiments.RunStatus;
import de.vorlauf.persistence.features.TrainingDataRepository;
import de.vorlauf.persistence.models.ModelCatalog;
import de.vorlauf.persistence.models.ModelRegistry;
import de.vorlauf.persistence.models.ModelVersion;
import de.vorlauf.persistence.models.ServingRegistry;
import de.vorlauf.testdata.MigratedWithTestDataAndFeatures;
import de.vorlauf.testsupport.DatabaseFrom;
import de.vorlauf.testsupport.TestDatabase;
import de.vorlauf.testsupport.TestServices;
import de.vorlauf.workflows.TaskQueues;
import de.vorlauf.workflows.training.TrainingActivities;
import de.vorlauf.workflows.training.TrainingOutcome;
import de.vorlauf.workflows.training.TrainingPhase;
import de.vorlauf.workflows.training.TrainingRequest;
import de.vorlauf.workflows.training.TrainingWorkflow;
import de.vorlauf.workflows.training.TrainingWorkflowImpl;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20's end-to-end check of the training path: the test-data fixture's simulated buildings,
 * their features as the ETL computes them in {@code building_features}, trained through {@code
 * TrainingWorkflow} and its real activity (repository, engine, {@link JdbcExperimentTracker}) on
 * the SDK's test server; the run is then read back from experiment tracking, its ONNX file run
 * through the inference module, and its graph, manifest and holdout sample pass the verification
 * command.
 */
@ExtendWith(TestServices.class)
@DatabaseFrom(MigratedWithTestDataAndFeatures.class)
@Timeout(180)
class TrainingWorkflowIT {

  // the fixture's two January weeks: the first is the lags' lookback, the second the window
  private static final Instant FROM = Instant.parse("2026-01-12T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-01-19T00:00:00Z");

  @Test
  void aSmallModelTrainsOnTheSimulatorsFeaturesAndItsOnnxFileRuns(
      TestDatabase database, @TempDir Path bundle) throws Exception {
    DataSource dataSource = database.dataSource();
    String version = BuildInfo.current().codeVersion();
    TrainingOutcome outcome;
    TrainingWorkflow workflow;
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker(TaskQueues.TRAINING);
      worker.registerWorkflowImplementationTypes(TrainingWorkflowImpl.class);
      worker.registerActivitiesImplementations(
          new TrainingActivitiesImpl(
              TrainingEngine.of(new TrainingDataRepository(dataSource), version),
              new JdbcExperimentTracker(dataSource, Clock.systemUTC()),
              new ModelRegistry(dataSource),
              version));
      env.start();
      workflow =
          env.getWorkflowClient()
              .newWorkflowStub(
                  TrainingWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId("training-it-fixture")
                      .setTaskQueue(TaskQueues.TRAINING)
                      .build());
      outcome =
          workflow.train(
              new TrainingRequest(
                  FROM, TO, null, List.of(), 1, List.of(8, 8), 8, 5e-3, 11L, "TrainingWorkflowIT"));
      assertThat(workflow.progress().phase()).isEqualTo(TrainingPhase.FINISHED);
      assertThat(workflow.progress().epoch()).isEqualTo(outcome.epochs());
    }

    assertThat(outcome.experiment()).isEqualTo(TrainingActivities.EXPERIMENT);
    assertThat(outcome.modelRmseKw()).isPositive().isFinite();
    ExperimentQueries queries = new ExperimentQueries(dataSource, Clock.systemUTC());
    RunDetail run = queries.run(outcome.runId()).orElseThrow();
    assertThat(run.run().status()).isEqualTo(RunStatus.FINISHED);
    assertThat(run.run().runKey()).isEqualTo("training-it-fixture/train");
    assertThat(run.run().workflowId()).isEqualTo("training-it-fixture");
    assertThat(run.run().tags()).containsEntry("onnx_sha256", outcome.onnxSha256());
    assertThat(run.params()).containsEntry("hidden_layers", "8-8").containsEntry("seed", "11");
    assertThat(run.series().get("loss.validation")).hasSize(outcome.epochs());
    assertThat(run.lineage().window().buildingIds()).hasSize(6);
    assertThat(run.lineage().buildingDays()).isPositive();
    assertThat(run.artifacts())
        .extracting(a -> a.name())
        .contains(
            "model/heat-demand.onnx",
            "holdout/predictions.csv",
            "drift/reference.csv",
            "importance.csv",
            "features.csv");

    // the finished run became a version of the registered model, with its metrics
    ModelVersion registered =
        new ModelCatalog(dataSource)
            .versions(TrainingActivities.MODEL).stream()
                .filter(v -> v.runId() == outcome.runId())
                .findFirst()
                .orElseThrow();
    assertThat(registered.metrics()).isEqualTo(run.run().metrics());
    assertThat(registered.tags()).containsEntry("workflow", "training-it-fixture");

    byte[] onnx =
        queries.artifact(outcome.runId(), "model/heat-demand.onnx").orElseThrow().content();
    byte[] manifestJson =
        queries.artifact(outcome.runId(), "manifest.json").orElseThrow().content();
    ModelManifest manifest = ModelManifest.fromJson(manifestJson);
    assertThat(manifest.source())
        .isEqualTo(
            new ModelManifest.Source(
                TrainingActivities.EXPERIMENT, outcome.runId(), "training-it-fixture"));
    assertThat(manifest.onnx().sha256()).isEqualTo(outcome.onnxSha256());
    assertThat(manifest.trainingWindow()).isEqualTo(new ModelManifest.Window(FROM, TO));

    // the drift reference's rows through the inference module: finite, one per row
    Artifact drift = queries.artifact(outcome.runId(), "drift/reference.csv").orElseThrow();
    double[][] rows =
        new String(drift.content(), StandardCharsets.UTF_8)
            .lines()
            .skip(1)
            .limit(50)
            .map(l -> Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
            .toArray(double[][]::new);
    try (ModelSession session = ModelSession.open(new ModelFiles(onnx, manifest))) {
      float[] demand = session.predict(rows);
      assertThat(demand).hasSize(rows.length);
    }

    // the recorded files are the registry's download bundle: the verification command passes
    Files.write(bundle.resolve("heat-demand.onnx"), onnx);
    Files.write(bundle.resolve("manifest.json"), manifestJson);
    Files.write(
        bundle.resolve("holdout-sample.csv"),
        queries.artifact(outcome.runId(), "holdout-sample.csv").orElseThrow().content());
    ModelVerification.Result verified = ModelVerification.verify(bundle);
    assertThat(verified.passed()).as(String.join("\n", verified.lines())).isTrue();

    // consumers reach it through the registry: the version, loaded into the session cache,
    // reproduces the training run's holdout sample, its manifest naming the registered number
    ServingRegistry registry = new ServingRegistry(new ModelCatalog(dataSource), queries);
    RegistrySource models = new RegistrySource(registry::artifacts);
    ModelKey key =
        registry
            .served(TrainingActivities.MODEL, Integer.toString(registered.version()))
            .map(v -> new ModelKey(v.model(), v.version()))
            .orElseThrow();
    HoldoutSample sample =
        HoldoutSample.fromCsv(
            queries.artifact(outcome.runId(), "holdout-sample.csv").orElseThrow().content());
    try (ModelSessions sessions = new ModelSessions(models, 2);
        ModelSessions.Lease lease = sessions.lease(key)) {
      assertThat(lease.session().manifest().version()).isEqualTo(registered.version());
      float[] served = lease.session().predict(sample.inputs());
      ParityCheck.Report parity =
          ParityCheck.compare(sample.expectedWm2(), served, sample.areaM2());
      assertThat(parity.rows()).isEqualTo(sample.size()).isPositive();
      assertThat(parity.passed()).as(parity.worst()).isTrue();
    }

    // a graph whose bytes no longer match their checksum is refused, never served
    database.execute(
        "UPDATE experiment_run_artifacts SET content = set_byte(content, 100, get_byte(content,"
            + " 100) # 1) WHERE run_id = "
            + outcome.runId()
            + " AND name = 'model/heat-demand.onnx'");
    try (ModelSessions fresh = new ModelSessions(models, 2)) {
      assertThatThrownBy(() -> fresh.lease(key))
          .isInstanceOfSatisfying(
              ModelException.class,
              e -> assertThat(e.reason()).isEqualTo(ModelException.Reason.CHECKSUM));
    }
  }
}
