package de.vorlauf.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.devstack.temporal.RunningTemporal;
import de.vorlauf.devstack.temporal.TemporalKind;
import de.vorlauf.devstack.temporal.TemporalOptions;
import de.vorlauf.devstack.temporal.TemporalService;
import de.vorlauf.worker.VorlaufWorker;
import de.vorlauf.worker.config.WorkerConfig;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.Worker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the worker lets an in-flight activity finish within the grace period, and interrupts one
 * that would outlast it. Needs only Temporal: the worker's database pool and MQTT client connect on
 * demand, and the slow activity uses neither.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GracefulShutdownIT {

  private RunningTemporal temporal;
  private SelfCheckClient client;

  @BeforeAll
  void startTemporal(@TempDir Path dir) {
    temporal = TemporalService.start(TemporalOptions.forTest(dir, TemporalKind.IN_JVM));
    client = new SelfCheckClient(temporal.address());
  }

  @AfterAll
  void stop() {
    if (client != null) {
      client.close();
    }
    if (temporal != null) {
      temporal.close();
    }
  }

  @Test
  void inFlightActivityFinishesWithinTheGracePeriod() throws Exception {
    RecordingActivities activities = new RecordingActivities();
    String taskQueue = "it-slow-" + UUID.randomUUID();
    VorlaufWorker worker = startWorker(Duration.ofSeconds(20), taskQueue, activities);
    String workflowId = startSlowWorkflow(taskQueue, 3_000);
    assertThat(activities.started.await(30, TimeUnit.SECONDS)).as("activity started").isTrue();

    long stopStarted = System.nanoTime();
    worker.stop();
    Duration stopTook = Duration.ofNanos(System.nanoTime() - stopStarted);

    assertThat(activities.outcome.get()).isEqualTo("completed");
    assertThat(stopTook).isLessThan(Duration.ofSeconds(20));
    assertThat(
            client.client().fetchHistory(workflowId).getEvents().stream()
                .map(e -> e.getEventType()))
        .as("the server recorded the activity's result before the worker went away")
        .contains(EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED);
  }

  @Test
  void activityOutlastingTheGracePeriodIsInterrupted() throws Exception {
    RecordingActivities activities = new RecordingActivities();
    String taskQueue = "it-slow-" + UUID.randomUUID();
    VorlaufWorker worker = startWorker(Duration.ofSeconds(1), taskQueue, activities);
    startSlowWorkflow(taskQueue, 60_000);
    assertThat(activities.started.await(30, TimeUnit.SECONDS)).as("activity started").isTrue();

    long stopStarted = System.nanoTime();
    worker.stop();
    Duration stopTook = Duration.ofNanos(System.nanoTime() - stopStarted);

    assertThat(stopTook).isLessThan(Duration.ofSeconds(15));
    assertThat(activities.outcome.get()).isEqualTo("interrupted");
  }

  private VorlaufWorker startWorker(
      Duration grace, String taskQueue, RecordingActivities activities) throws Exception {
    WorkerConfig config =
        WorkerConfig.builder()
            .temporalAddress(temporal.address())
            .healthPort(0)
            .shutdownGrace(grace)
            .build();
    VorlaufWorker worker =
        new VorlaufWorker(
            config,
            factory -> {
              Worker slow = factory.newWorker(taskQueue);
              slow.registerWorkflowImplementationTypes(SlowWorkflow.Impl.class);
              slow.registerActivitiesImplementations(activities);
            });
    worker.start();
    return worker;
  }

  private String startSlowWorkflow(String taskQueue, long activityMillis) {
    String workflowId = "it-slow-" + UUID.randomUUID();
    SlowWorkflow workflow =
        client
            .client()
            .newWorkflowStub(
                SlowWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(workflowId)
                    .setTaskQueue(taskQueue)
                    .build());
    WorkflowClient.start(workflow::run, activityMillis);
    return workflowId;
  }

  /** Records what happened to the in-flight activity. */
  static final class RecordingActivities implements SlowWorkflow.SlowActivities {
    final CountDownLatch started = new CountDownLatch(1);
    final AtomicReference<String> outcome = new AtomicReference<>("never finished");

    @Override
    public String work(long millis) {
      started.countDown();
      try {
        Thread.sleep(millis);
        outcome.set("completed");
        return "done";
      } catch (InterruptedException e) {
        outcome.set("interrupted");
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted by shutdown", e);
      }
    }
  }
}
