package de.vorlauf.webadmin.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import de.vorlauf.webadmin.common.ConflictException;
import de.vorlauf.webadmin.common.InvalidInputException;
import de.vorlauf.webadmin.config.AdminConfig;
import de.vorlauf.webadmin.temporal.TemporalUiLinks;
import de.vorlauf.webadmin.temporal.TemporalUnavailableException;
import de.vorlauf.webadmin.temporal.WorkflowQueries;
import de.vorlauf.workflows.search.BuildingSearchAttribute;
import de.vorlauf.workflows.temporal.TemporalServerKind;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.common.v1.SearchAttributes;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.RequestCancelWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.TerminateWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The workflow explorer: every execution in Vorlauf's namespace, listed through Temporal's
 * visibility (ListWorkflowExecutions, server-side paging), read through DescribeWorkflowExecution
 * and GetWorkflowExecutionHistory, exported in the JSON form {@code WorkflowReplayer} reads, and
 * cancelled or terminated by an admin. Every call has a deadline of its own. On the in-JVM test
 * server, which has no visibility, the list says so and executions are found by their id.
 */
@ApplicationScoped
public class WorkflowExplorer {

  static final int MAX_PAGE_SIZE = 100;

  /** Enough for any Vorlauf run (the ETL continues as new after a few thousand events). */
  static final int MAX_EVENTS = 50_000;

  /** The timeline shows this many entries; the export always has the whole history. */
  static final int MAX_TIMELINE = 2_000;

  private static final long DEADLINE_SECONDS = 5;
  private static final long KIND_RECHECK_NANOS = Duration.ofSeconds(10).toNanos();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject AdminConfig config;
  @Inject WorkflowServiceStubs stubs;
  @Inject WorkflowClient client;
  @Inject TemporalUiLinks ui;
  @Inject WorkflowSummaries summaries;
  @Inject WorkflowQueries queries;

  private volatile TemporalServerKind kind;
  private volatile long kindCheckedAt;

  /**
   * One page of executions matching the filter, newest first.
   *
   * @param pageToken the previous page's nextPageToken, null for the first page
   * @return with {@code problem} set and no items when Temporal cannot be asked
   * @throws InvalidInputException a token that is not one, or a query the server refuses (an
   *     unregistered building attribute says how to register it)
   */
  public ExecutionListDto list(ListFilter filter, int pageSize, String pageToken) {
    TreeSet<String> types = new TreeSet<>(summaries.types());
    TemporalServerKind server;
    try {
      server = serverKind();
    } catch (TemporalUnavailableException e) {
      // the page still renders (with the lookup by id), as every page does while Temporal is down
      return new ExecutionListDto(true, List.of(), null, List.copyOf(types), null, e.getMessage());
    }
    if (server.inJvmTestServer()) {
      return new ExecutionListDto(
          false, List.of(), null, List.copyOf(types), server.label(), noVisibility());
    }
    ListWorkflowExecutionsRequest.Builder request =
        ListWorkflowExecutionsRequest.newBuilder()
            .setNamespace(config.temporalNamespace())
            .setPageSize(Math.min(pageSize, MAX_PAGE_SIZE))
            .setQuery(filter.query());
    if (pageToken != null && !pageToken.isBlank()) {
      try {
        request.setNextPageToken(ByteString.copyFrom(Base64.getUrlDecoder().decode(pageToken)));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("pageToken", "pageToken is not a token of this list");
      }
    }
    ListWorkflowExecutionsResponse response;
    try {
      response = stub().listWorkflowExecutions(request.build());
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code == Status.Code.UNIMPLEMENTED) {
        return new ExecutionListDto(
            false, List.of(), null, List.copyOf(types), server.label(), noVisibility());
      }
      if (code == Status.Code.INVALID_ARGUMENT) {
        throw refusedQuery(filter, e);
      }
      return new ExecutionListDto(
          true, List.of(), null, List.copyOf(types), server.label(), unavailable(e).getMessage());
    }
    List<ExecutionListDto.Item> items = new ArrayList<>();
    for (WorkflowExecutionInfo info : response.getExecutionsList()) {
      types.add(info.getType().getName());
      items.add(
          new ExecutionListDto.Item(
              info.getExecution().getWorkflowId(),
              info.getExecution().getRunId(),
              info.getType().getName(),
              WorkflowState.statusName(info.getStatus()),
              info.hasStartTime() ? Timeline.instant(info.getStartTime()) : null,
              info.hasCloseTime() ? Timeline.instant(info.getCloseTime()) : null,
              info.getTaskQueue(),
              building(info.getSearchAttributes()),
              info.getHistoryLength()));
    }
    ByteString next = response.getNextPageToken();
    return new ExecutionListDto(
        true,
        items,
        next.isEmpty()
            ? null
            : Base64.getUrlEncoder().withoutPadding().encodeToString(next.toByteArray()),
        List.copyOf(types),
        server.label(),
        null);
  }

  /**
   * One execution: the given run, or the latest run of the workflow id when {@code runId} is null.
   *
   * @throws WorkflowNotFoundException when Temporal knows no such execution
   */
  public ExecutionDetailDto detail(String workflowId, String runId) {
    DescribeWorkflowExecutionResponse described = describe(workflowId, runId);
    WorkflowExecutionInfo info = described.getWorkflowExecutionInfo();
    String run = info.getExecution().getRunId();
    List<HistoryEvent> events = events(workflowId, run);
    String status = WorkflowState.statusName(info.getStatus());

    Payloads input = null;
    Payloads result = null;
    String failure = null;
    boolean cancelRequested = false;
    for (HistoryEvent e : events) {
      if (e.hasWorkflowExecutionStartedEventAttributes()) {
        input = e.getWorkflowExecutionStartedEventAttributes().getInput();
      } else if (e.hasWorkflowExecutionCompletedEventAttributes()) {
        result = e.getWorkflowExecutionCompletedEventAttributes().getResult();
      } else if (e.hasWorkflowExecutionFailedEventAttributes()) {
        failure = Timeline.failure(e.getWorkflowExecutionFailedEventAttributes().getFailure());
      } else if (e.hasWorkflowExecutionTerminatedEventAttributes()) {
        failure = "terminated: " + e.getWorkflowExecutionTerminatedEventAttributes().getReason();
      } else if (e.hasWorkflowExecutionCancelRequestedEventAttributes()) {
        cancelRequested = true;
      }
    }
    String summary =
        summaries
            .summarize(info.getType().getName(), new SummaryRun(workflowId, run, status, result))
            .orElse(null);

    List<ExecutionDetailDto.PendingActivity> pending = new ArrayList<>();
    for (PendingActivityInfo a : described.getPendingActivitiesList()) {
      pending.add(
          new ExecutionDetailDto.PendingActivity(
              a.getActivityId(),
              a.getActivityType().getName(),
              a.getState().name().replace("PENDING_ACTIVITY_STATE_", ""),
              a.getAttempt(),
              a.getMaximumAttempts(),
              a.hasScheduledTime() ? Timeline.instant(a.getScheduledTime()) : null,
              a.hasLastStartedTime() ? Timeline.instant(a.getLastStartedTime()) : null,
              a.hasLastFailure() ? Timeline.failure(a.getLastFailure()) : null));
    }
    List<ExecutionDetailDto.Child> children = new ArrayList<>(Timeline.children(events));
    described.getPendingChildrenList().stream()
        .filter(p -> children.stream().noneMatch(c -> p.getWorkflowId().equals(c.workflowId())))
        .forEach(
            p ->
                children.add(
                    new ExecutionDetailDto.Child(
                        p.getWorkflowId(), p.getRunId(), p.getWorkflowTypeName(), "RUNNING")));
    List<ExecutionDetailDto.TimelineEntry> timeline = Timeline.of(events);
    return new ExecutionDetailDto(
        workflowId,
        run,
        info.getType().getName(),
        status,
        info.hasStartTime() ? Timeline.instant(info.getStartTime()) : null,
        info.hasCloseTime() ? Timeline.instant(info.getCloseTime()) : null,
        info.getTaskQueue(),
        building(info.getSearchAttributes()),
        info.hasParentExecution() ? info.getParentExecution().getWorkflowId() : null,
        Redaction.display(input),
        Redaction.display(result),
        failure,
        summary,
        cancelRequested && "RUNNING".equals(status),
        events.size(),
        pending,
        children,
        timeline.size() > MAX_TIMELINE ? timeline.subList(0, MAX_TIMELINE) : timeline,
        timeline.size() > MAX_TIMELINE,
        ui.run(workflowId, run).orElse(null));
  }

  /** A run's whole history, payloads redacted ({@link Redaction}), as WorkflowReplayer reads it. */
  public Export export(String workflowId, String runId) {
    String run =
        runId != null
            ? runId
            : describe(workflowId, null).getWorkflowExecutionInfo().getExecution().getRunId();
    History history = History.newBuilder().addAllEvents(events(workflowId, run)).build();
    return new Export(
        workflowId,
        run,
        new WorkflowExecutionHistory(Redaction.redactPayloads(history), workflowId).toJson(true));
  }

  /** A history export and the run it is of. */
  public record Export(String workflowId, String runId, String json) {}

  /**
   * Requests the cancellation of a running execution: the workflow decides how it ends.
   *
   * @throws ConflictException when the execution is no longer running
   */
  public ActionDto cancel(String workflowId, String runId, String user, String reason) {
    String run = requireRunning(workflowId, runId, "cancel");
    try {
      stub()
          .requestCancelWorkflowExecution(
              RequestCancelWorkflowExecutionRequest.newBuilder()
                  .setNamespace(config.temporalNamespace())
                  .setWorkflowExecution(execution(workflowId, run))
                  .setIdentity(identity(user))
                  .setRequestId(UUID.randomUUID().toString())
                  .setReason(reason)
                  .build());
    } catch (StatusRuntimeException e) {
      throw actionFailed(workflowId, "cancel", e);
    }
    return new ActionDto(workflowId, run, "cancel", status(workflowId, run));
  }

  /**
   * Ends a running execution at once, without running any of its code.
   *
   * @throws ConflictException when the execution is no longer running
   */
  public ActionDto terminate(String workflowId, String runId, String user, String reason) {
    String run = requireRunning(workflowId, runId, "terminate");
    try {
      stub()
          .terminateWorkflowExecution(
              TerminateWorkflowExecutionRequest.newBuilder()
                  .setNamespace(config.temporalNamespace())
                  .setWorkflowExecution(execution(workflowId, run))
                  .setIdentity(identity(user))
                  .setReason(reason)
                  .build());
    } catch (StatusRuntimeException e) {
      throw actionFailed(workflowId, "terminate", e);
    }
    return new ActionDto(workflowId, run, "terminate", status(workflowId, run));
  }

  private String requireRunning(String workflowId, String runId, String action) {
    WorkflowExecutionInfo info = describe(workflowId, runId).getWorkflowExecutionInfo();
    String status = WorkflowState.statusName(info.getStatus());
    if (!"RUNNING".equals(status)) {
      throw new ConflictException(
          "Workflow not running", workflowId + " is " + status + ": there is nothing to " + action);
    }
    return info.getExecution().getRunId();
  }

  private String status(String workflowId, String runId) {
    return WorkflowState.statusName(
        describe(workflowId, runId).getWorkflowExecutionInfo().getStatus());
  }

  /** Temporal records who acted; the audit log records it too, with the reason. */
  private static String identity(String user) {
    return "vorlauf-admin:" + user;
  }

  private DescribeWorkflowExecutionResponse describe(String workflowId, String runId) {
    try {
      return stub()
          .describeWorkflowExecution(
              DescribeWorkflowExecutionRequest.newBuilder()
                  .setNamespace(config.temporalNamespace())
                  .setExecution(execution(workflowId, runId))
                  .build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND
          || e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
        throw new WorkflowNotFoundException(workflowId);
      }
      throw unavailable(e);
    }
  }

  private List<HistoryEvent> events(String workflowId, String runId) {
    try {
      return WorkflowInspector.readHistory(
          this::stub, config.temporalNamespace(), execution(workflowId, runId), MAX_EVENTS);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        throw new WorkflowNotFoundException(workflowId);
      }
      throw unavailable(e);
    }
  }

  private static WorkflowExecution execution(String workflowId, String runId) {
    WorkflowExecution.Builder execution = WorkflowExecution.newBuilder().setWorkflowId(workflowId);
    if (runId != null) {
      execution.setRunId(runId);
    }
    return execution.build();
  }

  private WorkflowServiceBlockingStub stub() {
    return stubs.blockingStub().withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }

  /** Asked again every 10 s: the launcher may fall back or come back while this runs. */
  private TemporalServerKind serverKind() {
    TemporalServerKind known = kind;
    if (known == null || System.nanoTime() - kindCheckedAt > KIND_RECHECK_NANOS) {
      try {
        known =
            TemporalServerKind.detect(stubs.blockingStub(), Duration.ofSeconds(DEADLINE_SECONDS));
      } catch (StatusRuntimeException e) {
        throw unavailable(e);
      }
      kind = known;
      kindCheckedAt = System.nanoTime();
    }
    return known;
  }

  private static String noVisibility() {
    return "This Temporal is the in-JVM test server, which has no visibility queries: executions"
        + " cannot be listed or filtered here. Open one by its workflow id.";
  }

  private static String building(SearchAttributes attributes) {
    Payload payload = attributes.getIndexedFieldsMap().get(BuildingSearchAttribute.NAME);
    if (payload == null) {
      return null;
    }
    try {
      JsonNode value = JSON.readTree(payload.getData().toByteArray());
      return value.isArray() ? (value.isEmpty() ? null : value.get(0).asText()) : value.asText();
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private InvalidInputException refusedQuery(ListFilter filter, StatusRuntimeException e) {
    String message = e.getStatus().getDescription();
    if (filter.buildingId() != null
        && message != null
        && message.contains(BuildingSearchAttribute.NAME)) {
      return new InvalidInputException(
          "building",
          "this Temporal does not know the search attribute "
              + BuildingSearchAttribute.NAME
              + "; register it once: temporal operator search-attribute create --name "
              + BuildingSearchAttribute.NAME
              + " --type Keyword");
    }
    return new InvalidInputException("Temporal refused the filter: " + message);
  }

  private RuntimeException actionFailed(
      String workflowId, String action, StatusRuntimeException e) {
    if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
      // it ended between the check and the call
      return new ConflictException(
          "Workflow not running",
          workflowId + " is no longer running: there is nothing to " + action);
    }
    return unavailable(e);
  }

  private TemporalUnavailableException unavailable(StatusRuntimeException e) {
    return new TemporalUnavailableException(
        "Temporal at "
            + config.temporalAddress()
            + " did not answer the explorer ("
            + e.getStatus().getCode()
            + (e.getStatus().getDescription() == null ? "" : ": " + e.getStatus().getDescription())
            + ")",
        e);
  }

  /** What a registered summary reads: the result from the history, queries with a deadline. */
  private final class SummaryRun implements WorkflowSummary.Run {
    private final String workflowId;
    private final String runId;
    private final String status;
    private final Payloads result;

    SummaryRun(String workflowId, String runId, String status, Payloads result) {
      this.workflowId = workflowId;
      this.runId = runId;
      this.status = status;
      this.result = result;
    }

    @Override
    public String status() {
      return status;
    }

    @Override
    public <T> Optional<T> result(Class<T> type) {
      if (result == null || result.getPayloadsCount() == 0) {
        return Optional.empty();
      }
      return Optional.ofNullable(converter().fromPayloads(0, Optional.of(result), type, type));
    }

    @Override
    public <T> Optional<T> query(String queryType, Class<T> type) {
      if (!"RUNNING".equals(status)) {
        return Optional.empty();
      }
      try {
        return Optional.ofNullable(queries.query(execution(workflowId, runId), queryType, type));
      } catch (StatusRuntimeException e) {
        return Optional.empty();
      }
    }

    private DataConverter converter() {
      return client.getOptions().getDataConverter();
    }
  }
}
