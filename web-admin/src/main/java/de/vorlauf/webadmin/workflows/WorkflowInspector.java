package de.vorlauf.webadmin.workflows;

import com.google.protobuf.ByteString;
import de.vorlauf.webadmin.config.AdminConfig;
import de.vorlauf.webadmin.temporal.TemporalUnavailableException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Reads executions through calls every Temporal server answers (DescribeWorkflowExecution,
 * GetWorkflowExecutionHistory), so it works on the in-JVM test server too. Every call has a
 * deadline: a dead Temporal shows as UNKNOWN instead of hanging the page.
 */
@ApplicationScoped
public class WorkflowInspector {

  private static final long DEADLINE_SECONDS = 3;
  private static final int MAX_EVENTS = 2_000;

  @Inject AdminConfig config;
  @Inject WorkflowServiceStubs stubs;
  @Inject WorkflowClient client;

  public WorkflowState describe(String workflowId) {
    try {
      WorkflowExecutionInfo info =
          stubs
              .blockingStub()
              .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(config.temporalNamespace())
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                      .build())
              .getWorkflowExecutionInfo();
      Instant closedAt =
          info.hasCloseTime()
              ? Instant.ofEpochSecond(
                  info.getCloseTime().getSeconds(), info.getCloseTime().getNanos())
              : null;
      return new WorkflowState(
          workflowId,
          info.getExecution().getRunId(),
          WorkflowState.statusName(info.getStatus()),
          closedAt,
          null);
    } catch (StatusRuntimeException e) {
      return WorkflowState.unknown(workflowId, explain(e));
    }
  }

  /** The result of a completed workflow; empty while it runs or when it did not complete. */
  public <T> Optional<T> result(String workflowId, Class<T> type) {
    try {
      return Optional.of(
          client
              .newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty())
              .getResult(DEADLINE_SECONDS, TimeUnit.SECONDS, type));
    } catch (TimeoutException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * @throws WorkflowNotFoundException when Temporal does not know the workflow
   * @throws TemporalUnavailableException when Temporal cannot be asked
   */
  public List<HistoryEvent> history(String workflowId) {
    try {
      return readHistory(
          () -> stubs.blockingStub().withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS),
          config.temporalNamespace(),
          WorkflowExecution.newBuilder().setWorkflowId(workflowId).build(),
          MAX_EVENTS);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        throw new WorkflowNotFoundException(workflowId);
      }
      throw new TemporalUnavailableException(explain(e), e);
    }
  }

  /**
   * A history page by page (each call with a deadline of its own from {@code stub}), up to about
   * {@code maxEvents} events.
   *
   * @throws StatusRuntimeException as Temporal answered
   */
  static List<HistoryEvent> readHistory(
      Supplier<WorkflowServiceBlockingStub> stub,
      String namespace,
      WorkflowExecution execution,
      int maxEvents) {
    List<HistoryEvent> events = new ArrayList<>();
    ByteString page = ByteString.EMPTY;
    do {
      GetWorkflowExecutionHistoryResponse response =
          stub.get()
              .getWorkflowExecutionHistory(
                  GetWorkflowExecutionHistoryRequest.newBuilder()
                      .setNamespace(namespace)
                      .setExecution(execution)
                      .setNextPageToken(page)
                      .build());
      events.addAll(response.getHistory().getEventsList());
      page = response.getNextPageToken();
    } while (!page.isEmpty() && events.size() < maxEvents);
    return events;
  }

  private String explain(StatusRuntimeException e) {
    return switch (e.getStatus().getCode()) {
      case NOT_FOUND ->
          "Temporal does not know this workflow (an in-JVM test server forgets all on restart)";
      case UNAVAILABLE, DEADLINE_EXCEEDED ->
          "Temporal at "
              + config.temporalAddress()
              + " does not answer ("
              + e.getStatus().getCode()
              + ")";
      default ->
          "Temporal answered " + e.getStatus().getCode() + ": " + e.getStatus().getDescription();
    };
  }
}
