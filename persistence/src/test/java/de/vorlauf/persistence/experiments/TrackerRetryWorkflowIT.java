package de.vorlauf.persistence.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.persistence.RepositoryDatabase;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracker under a real Temporal activity retry: an activity logs a whole run, fails before it
 * returns, and its retry logs everything again. One run, one value per metric and step, the
 * workflow id of the workflow that trained (the run page's lineage link).
 */
class TrackerRetryWorkflowIT {

  static final String QUEUE = "tracker-retry";

  @WorkflowInterface
  public interface ProbeTraining {
    @WorkflowMethod
    long train(String experiment);
  }

  @ActivityInterface
  public interface ProbeActivities {
    /** Idempotent: the run key is the workflow id, every write keyed (the tracker's contract). */
    long trainAndLog(String experiment);
  }

  public static class ProbeTrainingImpl implements ProbeTraining {
    private final ProbeActivities activities =
        Workflow.newActivityStub(
            ProbeActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setRetryOptions(
                    RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofMillis(10))
                        .setMaximumAttempts(3)
                        .build())
                .build());

    @Override
    public long train(String experiment) {
      return activities.trainAndLog(experiment);
    }
  }

  static final class ProbeActivitiesImpl implements ProbeActivities {
    private final ExperimentTracker tracker;
    final AtomicInteger attempts = new AtomicInteger();

    ProbeActivitiesImpl(ExperimentTracker tracker) {
      this.tracker = tracker;
    }

    @Override
    public long trainAndLog(String experiment) {
      ActivityInfo info = Activity.getExecutionContext().getInfo();
      attempts.incrementAndGet();
      try {
        TrackedRun run =
            tracker.startRun(
                new RunStart(
                    experiment,
                    info.getWorkflowId() + "/train",
                    "probe",
                    BuildInfo.current().codeVersion(),
                    info.getWorkflowId(),
                    info.getRunId()));
        tracker.logParams(run.id(), Map.of("epochs", "2"));
        tracker.logMetricSteps(
            run.id(),
            "loss",
            List.of(new MetricStep(0, 1.0 / info.getAttempt()), new MetricStep(1, 0.5)));
        tracker.logMetric(run.id(), "rmse", 0.1 * info.getAttempt());
        tracker.logArtifact(
            run.id(),
            "model.bin",
            "application/octet-stream",
            ("weights of attempt " + info.getAttempt()).getBytes(StandardCharsets.UTF_8));
        if (info.getAttempt() == 1) {
          throw new IllegalStateException("worker lost after logging (attempt 1)");
        }
        tracker.finishRun(run.id(), RunStatus.FINISHED);
        return run.id();
      } catch (SQLException e) {
        throw Activity.wrap(e);
      }
    }
  }

  @TempDir static Path dbDir;
  private static RepositoryDatabase db;

  @BeforeAll
  static void start() {
    db = RepositoryDatabase.start(dbDir);
  }

  @AfterAll
  static void stop() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void aRetriedTrainingActivityLeavesOneRunWithOneValuePerMetricAndStep() throws Exception {
    String experiment = "retry-" + UUID.randomUUID().toString().substring(0, 8);
    JdbcExperimentTracker tracker = new JdbcExperimentTracker(db.dataSource(), Clock.systemUTC());
    ProbeActivitiesImpl activities = new ProbeActivitiesImpl(tracker);
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker(QUEUE);
      worker.registerWorkflowImplementationTypes(ProbeTrainingImpl.class);
      worker.registerActivitiesImplementations(activities);
      env.start();
      String workflowId = "training-" + experiment;
      ProbeTraining workflow =
          env.getWorkflowClient()
              .newWorkflowStub(
                  ProbeTraining.class,
                  WorkflowOptions.newBuilder()
                      .setTaskQueue(QUEUE)
                      .setWorkflowId(workflowId)
                      .build());

      long runId = WorkflowClient.execute(workflow::train, experiment).get();

      assertThat(activities.attempts).hasValue(2);
      ExperimentQueries queries = new ExperimentQueries(db.dataSource(), Clock.systemUTC());
      assertThat(queries.experiment(experiment).orElseThrow().runs()).isEqualTo(1);
      RunDetail run = queries.run(runId).orElseThrow();
      assertThat(run.series().get("loss"))
          .containsExactly(new MetricStep(0, 0.5), new MetricStep(1, 0.5));
      assertThat(run.run().metrics()).containsExactly(Map.entry("rmse", 0.2));
      assertThat(run.run().status()).isEqualTo(RunStatus.FINISHED);
      assertThat(run.run().workflowId()).isEqualTo(workflowId);
      assertThat(run.run().codeVersion()).startsWith(BuildInfo.current().version());
      assertThat(queries.artifact(runId, "model.bin").orElseThrow().content())
          .asString(StandardCharsets.UTF_8)
          .isEqualTo("weights of attempt 2");
    }
  }
}
