package de.vorlauf.workflows.selfcheck;

import static de.vorlauf.workflows.selfcheck.SelfCheckFixtures.clockOk;
import static de.vorlauf.workflows.selfcheck.SelfCheckFixtures.databaseOk;
import static de.vorlauf.workflows.selfcheck.SelfCheckFixtures.ingestionOk;
import static de.vorlauf.workflows.selfcheck.SelfCheckFixtures.integrationsOk;
import static de.vorlauf.workflows.selfcheck.SelfCheckFixtures.mqttOk;

import de.vorlauf.workflows.TaskQueues;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Records the replay fixture. Not a test: run it once per released workflow version and commit the
 * file it writes (see the module README). Recording again over an existing fixture would defeat the
 * replay test, so it refuses to overwrite. The workflow id is "fixture-" plus the file's last name
 * part, e.g. {@code v2} for {@code platform-self-check-v2.json}.
 */
public final class RecordSelfCheckHistory {

  private RecordSelfCheckHistory() {}

  public static void main(String[] args) throws Exception {
    Path target = Path.of(args[0]);
    if (Files.exists(target)) {
      throw new IllegalStateException(target + " exists: fixtures are recorded once");
    }
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker(TaskQueues.PLATFORM);
      worker.registerWorkflowImplementationTypes(PlatformSelfCheckWorkflowImpl.class);
      worker.registerActivitiesImplementations(new CannedActivities());
      env.start();
      String file = target.getFileName().toString().replaceFirst("\\.json$", "");
      String workflowId =
          PlatformSelfCheckWorkflow.WORKFLOW_ID_PREFIX
              + "fixture-"
              + file.substring(file.lastIndexOf('-') + 1);
      env.getWorkflowClient()
          .newWorkflowStub(
              PlatformSelfCheckWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(workflowId)
                  .setTaskQueue(TaskQueues.PLATFORM)
                  .build())
          .run(new SelfCheckRequest("fixture"));
      String json = env.getWorkflowClient().fetchHistory(workflowId).toJson(true);
      Files.createDirectories(target.getParent());
      Files.writeString(target, json);
    }
  }

  private static final class CannedActivities implements SelfCheckActivities {
    @Override
    public DatabaseProbeOutcome probeDatabase(String probeKey) {
      return databaseOk();
    }

    @Override
    public MqttProbeOutcome probeMqtt(String probeKey) {
      return mqttOk();
    }

    @Override
    public ProbeResult checkClocks(ClockCheckRequest request) {
      return clockOk();
    }

    @Override
    public ProbeResult probeIngestion() {
      return ingestionOk();
    }

    @Override
    public ProbeResult probeIntegrations() {
      return integrationsOk();
    }
  }
}
