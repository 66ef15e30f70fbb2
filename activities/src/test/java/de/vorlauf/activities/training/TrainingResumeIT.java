package de.vorlauf.activities.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.vorlauf.domain.training.TrainingData;
import de.vorlauf.persistence.experiments.BuildInfo;
import de.vorlauf.persistence.experiments.JdbcExperimentTracker;
import de.vorlauf.persistence.features.TrainingDataRepository;
import de.vorlauf.persistence.models.ModelRegistry;
import de.vorlauf.testdata.MigratedWithTestDataAndFeatures;
import de.vorlauf.testsupport.DatabaseFrom;
import de.vorlauf.testsupport.SharedServices;
import de.vorlauf.testsupport.TestDatabase;
import de.vorlauf.testsupport.TestNames;
import de.vorlauf.testsupport.TestServices;
import de.vorlauf.workflows.training.TrainingHeartbeat;
import de.vorlauf.workflows.training.TrainingOutcome;
import de.vorlauf.workflows.training.TrainingPhase;
import de.vorlauf.workflows.training.TrainingRequest;
import de.vorlauf.workflows.training.TrainingWorkflow;
import de.vorlauf.workflows.training.TrainingWorkflowImpl;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 20's "resume from a checkpoint after a worker restart", on the shared Temporal server: a
 * worker trains the test-data fixture's buildings through {@code TrainingWorkflow} and its real
 * activity; once the server holds a checkpoint heartbeat, that worker is stopped hard ({@code
 * shutdownNow}: its threads interrupted mid-epoch, no result for the attempt). A second worker
 * factory, started only then (a new worker process would have its own), gets the retry, resumes at
 * the heartbeated epoch instead of epoch 0, and the run ends as one tracked run.
 *
 * <p>The first worker's engine holds its third epoch open until it is interrupted, so the stop
 * lands in the middle of training whatever the machine's speed; everything else is the production
 * code. The retry waits the workflow's initial retry interval (10 s).
 */
@ExtendWith(TestServices.class)
@DatabaseFrom(MigratedWithTestDataAndFeatures.class)
@Timeout(120)
class TrainingResumeIT {

  private static final Instant FROM = Instant.parse("2026-01-12T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-01-19T00:00:00Z");
  private static final int STOP_AFTER_EPOCH = 2;
  private static final TestNames NAMES = TestNames.of(TrainingResumeIT.class);

  @Test
  void aNewWorkerResumesFromTheCheckpointOfAStoppedOne(TestDatabase database) throws Exception {
    DataSource dataSource = database.dataSource();
    String version = BuildInfo.current().codeVersion();
    String queue = NAMES.taskQueue("training");
    String workflowId = NAMES.workflowId("resume");
    TrainingEngine real = TrainingEngine.of(new TrainingDataRepository(dataSource), version);
    JdbcExperimentTracker tracker = new JdbcExperimentTracker(dataSource, Clock.systemUTC());
    ModelRegistry registry = new ModelRegistry(dataSource);

    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(SharedServices.temporal().address())
                .build());
    WorkflowClient client = WorkflowClient.newInstance(stubs);
    Observed first = new Observed(real, true);
    Observed second = new Observed(real, false);
    WorkerFactory firstWorker = worker(client, queue, first, tracker, registry, version);
    WorkerFactory secondWorker = null;
    try {
      firstWorker.start();
      TrainingWorkflow workflow =
          client.newWorkflowStub(
              TrainingWorkflow.class,
              WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(queue).build());
      WorkflowClient.start(
          workflow::train,
          new TrainingRequest(
              FROM, TO, null, List.of(), 1, List.of(8, 8), 6, 5e-3, 11L, "TrainingResumeIT"));

      assertThat(first.stopped.await(60, TimeUnit.SECONDS)).isTrue();
      // the server holds the checkpoint of the last epoch done: what a new worker finds
      PendingActivityInfo pending =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(
                  () -> pendingTraining(client, workflowId),
                  p -> p.isPresent() && heartbeatEpoch(p.get()) == STOP_AFTER_EPOCH)
              .orElseThrow();
      assertThat(pending.getAttempt()).isEqualTo(1);

      firstWorker.shutdownNow();
      firstWorker.awaitTermination(10, TimeUnit.SECONDS);
      assertThat(firstWorker.isTerminated()).isTrue();
      secondWorker = worker(client, queue, second, tracker, registry, version);
      secondWorker.start();

      TrainingOutcome outcome =
          WorkflowClient.newInstance(stubs)
              .newUntypedWorkflowStub(workflowId)
              .getResult(90, TimeUnit.SECONDS, TrainingOutcome.class);

      assertThat(first.resumedFrom).containsExactly(0);
      assertThat(second.resumedFrom).hasSize(1);
      int resumedAt = second.resumedFrom.get(0);
      assertThat(resumedAt).isEqualTo(STOP_AFTER_EPOCH);
      assertThat(outcome.resumedFromEpoch()).isEqualTo(resumedAt);
      assertThat(outcome.epochs()).isEqualTo(6);
      assertThat(outcome.modelRmseKw()).isPositive().isFinite();
      // epochs after the checkpoint were trained by the second worker only
      assertThat(second.epochs).startsWith(resumedAt + 1).endsWith(6);
      assertThat(first.epochs).allMatch(e -> e <= STOP_AFTER_EPOCH);
      TrainingWorkflow done = client.newWorkflowStub(TrainingWorkflow.class, workflowId);
      assertThat(done.progress().phase()).isEqualTo(TrainingPhase.FINISHED);
      assertThat(done.progress().attempt()).isEqualTo(2);
      assertThat(done.progress().resumedFromEpoch()).isEqualTo(resumedAt);
      assertThat(trackedRuns(dataSource, workflowId)).containsExactly("FINISHED");
      assertThat(registeredVersions(dataSource, workflowId)).as("one model version").isOne();
    } finally {
      firstWorker.shutdownNow();
      if (secondWorker != null) {
        secondWorker.shutdownNow();
        secondWorker.awaitTermination(10, TimeUnit.SECONDS);
      }
      stubs.shutdownNow();
      stubs.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static WorkerFactory worker(
      WorkflowClient client,
      String queue,
      TrainingEngine engine,
      JdbcExperimentTracker tracker,
      ModelRegistry registry,
      String version) {
    // no workflow cache, so no sticky task queue: the in-JVM server would keep sending the
    // workflow's tasks to the stopped worker's sticky queue
    WorkerFactory factory =
        WorkerFactory.newInstance(
            client, WorkerFactoryOptions.newBuilder().setWorkflowCacheSize(0).build());
    // every epoch's heartbeat reaches the server at once instead of the SDK's throttled 1 min
    Worker worker =
        factory.newWorker(
            queue,
            WorkerOptions.newBuilder()
                .setMaxHeartbeatThrottleInterval(Duration.ofMillis(100))
                .setDefaultHeartbeatThrottleInterval(Duration.ofMillis(100))
                .build());
    worker.registerWorkflowImplementationTypes(TrainingWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new TrainingActivitiesImpl(engine, tracker, registry, version));
    return factory;
  }

  private static Optional<PendingActivityInfo> pendingTraining(
      WorkflowClient client, String workflowId) {
    return client
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId).build())
                .build())
        .getPendingActivitiesList()
        .stream()
        .filter(a -> a.getActivityType().getName().equals("Train"))
        .findFirst();
  }

  private static int heartbeatEpoch(PendingActivityInfo activity) {
    if (!activity.hasHeartbeatDetails()) {
      return 0;
    }
    TrainingHeartbeat heartbeat =
        DataConverter.getDefaultInstance()
            .fromPayloads(
                0,
                Optional.of(activity.getHeartbeatDetails()),
                TrainingHeartbeat.class,
                TrainingHeartbeat.class);
    return heartbeat == null ? 0 : heartbeat.epoch();
  }

  private static long registeredVersions(DataSource dataSource, String workflowId)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT count(*) FROM model_versions v JOIN experiment_runs r ON r.id = v.run_id"
                    + " WHERE r.workflow_id = ?")) {
      select.setString(1, workflowId);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static List<String> trackedRuns(DataSource dataSource, String workflowId)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("SELECT status FROM experiment_runs WHERE workflow_id = ?")) {
      select.setString(1, workflowId);
      try (ResultSet rows = select.executeQuery()) {
        List<String> statuses = new ArrayList<>();
        while (rows.next()) {
          statuses.add(rows.getString(1));
        }
        return statuses;
      }
    }
  }

  /**
   * The real engine, recording where each attempt resumed and which epochs it trained; the first
   * worker's holds the epoch after {@link #STOP_AFTER_EPOCH} open until its thread is interrupted.
   */
  private static final class Observed implements TrainingEngine {
    private final TrainingEngine real;
    private final boolean stopMidway;
    final List<Integer> resumedFrom = new CopyOnWriteArrayList<>();
    final List<Integer> epochs = new CopyOnWriteArrayList<>();
    final CountDownLatch stopped = new CountDownLatch(1);

    Observed(TrainingEngine real, boolean stopMidway) {
      this.real = real;
      this.stopMidway = stopMidway;
    }

    @Override
    public TrainingData read(TrainingParameters parameters) throws SQLException {
      return real.read(parameters);
    }

    @Override
    public TrainingResult train(
        TrainingParameters parameters,
        TrainingData data,
        TrainingProgress progress,
        TrainingCheckpoint resume) {
      resumedFrom.add(resume == null ? 0 : resume.epoch());
      return real.train(
          parameters,
          data,
          (loss, checkpoint) -> {
            epochs.add(loss.epoch());
            progress.epochDone(loss, checkpoint);
            if (stopMidway && loss.epoch() == STOP_AFTER_EPOCH) {
              stopped.countDown();
              try {
                new CountDownLatch(1).await(); // the next epoch, until the worker is stopped
              } catch (InterruptedException e) {
                // the interrupt is not restored: the SDK reports the attempt's failure on this
                // thread, and a gRPC call on an interrupted thread is cancelled; unreported, the
                // retry would wait for the workflow's 5-minute heartbeat timeout
                throw new IllegalStateException("the worker was stopped during training", e);
              }
            }
          },
          resume);
    }
  }
}
