package de.vorlauf.webadmin.probe;

import de.vorlauf.webadmin.config.AdminConfig;
import de.vorlauf.workflows.TaskQueues;
import de.vorlauf.workflows.temporal.TemporalServerKind;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Asks the Temporal frontend what it is ({@link TemporalServerKind}, the worker's detector too),
 * whether the namespace exists and who polls the platform's task queue. For the SDK's in-JVM test
 * server its limits are reported, because several features the platform uses elsewhere do not exist
 * there.
 */
@ApplicationScoped
public class TemporalProbe implements Probe {

  public static final String NAME = "temporal";
  private static final long DEADLINE_SECONDS = 3;

  @Inject AdminConfig config;
  @Inject WorkflowServiceStubs stubs;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ServiceCheck check() {
    long begin = System.nanoTime();
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("address", config.temporalAddress());
    facts.put("namespace", config.temporalNamespace());
    TemporalServerKind kind;
    try {
      kind = TemporalServerKind.detect(stubs.blockingStub(), Duration.ofSeconds(DEADLINE_SECONDS));
    } catch (StatusRuntimeException e) {
      return ServiceCheck.down(
          NAME,
          "cannot reach Temporal at "
              + config.temporalAddress()
              + " (TEMPORAL_ADDRESS): "
              + Failures.describe(e));
    }
    facts.put("server", kind.label());
    long millis = (System.nanoTime() - begin) / 1_000_000;
    String namespaceProblem = namespaceProblem();
    if (namespaceProblem != null) {
      return new ServiceCheck(NAME, false, namespaceProblem, millis, facts, List.of());
    }
    facts.put("pollers", pollers());
    ServiceCheck check =
        ServiceCheck.up(
            NAME, facts.get("server") + ", namespace " + config.temporalNamespace(), millis, facts);
    return kind.inJvmTestServer() ? check.withLimits(TemporalServerKind.IN_JVM_LIMITS) : check;
  }

  /** Null when the namespace exists; every server kind answers DescribeNamespace. */
  private String namespaceProblem() {
    try {
      stub()
          .describeNamespace(
              DescribeNamespaceRequest.newBuilder()
                  .setNamespace(config.temporalNamespace())
                  .build());
      return null;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode() == Status.Code.NOT_FOUND
          ? "namespace '" + config.temporalNamespace() + "' does not exist (TEMPORAL_NAMESPACE)"
          : "cannot describe namespace '"
              + config.temporalNamespace()
              + "': "
              + Failures.describe(e);
    }
  }

  private String pollers() {
    try {
      int workflowPollers = pollerCount(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW);
      int activityPollers = pollerCount(TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY);
      return workflowPollers
          + " workflow, "
          + activityPollers
          + " activity on "
          + TaskQueues.PLATFORM;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode() == Status.Code.UNIMPLEMENTED
          ? "not reported by this server (" + TaskQueues.PLATFORM + ")"
          : "unknown (" + e.getStatus().getCode() + ")";
    }
  }

  private int pollerCount(TaskQueueType type) {
    return stub()
        .describeTaskQueue(
            DescribeTaskQueueRequest.newBuilder()
                .setNamespace(config.temporalNamespace())
                .setTaskQueue(TaskQueue.newBuilder().setName(TaskQueues.PLATFORM))
                .setTaskQueueType(type)
                .build())
        .getPollersCount();
  }

  private WorkflowServiceBlockingStub stub() {
    return stubs.blockingStub().withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }
}
