package de.vorlauf.webadmin.workflows;

import com.google.protobuf.Timestamp;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A history as things that happened, each from its first event to its last (an activity from
 * scheduled to completed, with its attempt and its duration), in the order they began. Workflow
 * tasks are left out unless one failed (a non-deterministic change shows there): they are the SDK's
 * bookkeeping, not the workflow's doing.
 */
final class Timeline {

  private final List<Open> entries = new ArrayList<>();
  private final Map<Long, Open> byFirstEvent = new HashMap<>();
  private final Map<String, Open> updates = new HashMap<>();
  private Open workflow;

  private Timeline() {}

  static List<ExecutionDetailDto.TimelineEntry> of(List<HistoryEvent> events) {
    Timeline timeline = new Timeline();
    events.forEach(timeline::add);
    return timeline.entries.stream().map(Open::toDto).toList();
  }

  /** The child workflows the history started, with how each ended so far. */
  static List<ExecutionDetailDto.Child> children(List<HistoryEvent> events) {
    Map<Long, String[]> children = new java.util.LinkedHashMap<>();
    for (HistoryEvent e : events) {
      if (e.hasStartChildWorkflowExecutionInitiatedEventAttributes()) {
        var a = e.getStartChildWorkflowExecutionInitiatedEventAttributes();
        children.put(
            e.getEventId(),
            new String[] {a.getWorkflowId(), null, a.getWorkflowType().getName(), "STARTING"});
      } else if (e.hasChildWorkflowExecutionStartedEventAttributes()) {
        var a = e.getChildWorkflowExecutionStartedEventAttributes();
        String[] c = children.get(a.getInitiatedEventId());
        if (c != null) {
          c[1] = a.getWorkflowExecution().getRunId();
          c[3] = "RUNNING";
        }
      } else {
        long initiated = childInitiatedEventId(e);
        String[] c = children.get(initiated);
        if (c != null) {
          c[3] = childOutcome(e);
        }
      }
    }
    return children.values().stream()
        .map(c -> new ExecutionDetailDto.Child(c[0], c[1], c[2], c[3]))
        .toList();
  }

  private void add(HistoryEvent e) {
    Instant at = instant(e.getEventTime());
    long id = e.getEventId();
    switch (e.getEventType()) {
      case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED -> {
        var a = e.getWorkflowExecutionStartedEventAttributes();
        workflow =
            open("workflow", a.getWorkflowType().getName(), "started", at, id)
                .detail("task queue " + a.getTaskQueue().getName() + ", attempt " + a.getAttempt());
      }
      case EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED -> endWorkflow("completed", at, id, null);
      case EVENT_TYPE_WORKFLOW_EXECUTION_FAILED ->
          endWorkflow(
              "failed",
              at,
              id,
              failure(e.getWorkflowExecutionFailedEventAttributes().getFailure()));
      case EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT -> endWorkflow("timed_out", at, id, null);
      case EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED -> endWorkflow("canceled", at, id, null);
      case EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED -> {
        var a = e.getWorkflowExecutionTerminatedEventAttributes();
        endWorkflow("terminated", at, id, a.getReason() + by(a.getIdentity()));
      }
      case EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW ->
          endWorkflow(
              "continued_as_new",
              at,
              id,
              "new run "
                  + e.getWorkflowExecutionContinuedAsNewEventAttributes().getNewExecutionRunId());
      case EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED -> {
        var a = e.getWorkflowExecutionCancelRequestedEventAttributes();
        open("cancel-request", "cancellation requested", "received", at, id)
            .detail(a.getCause() + by(a.getIdentity()));
      }
      case EVENT_TYPE_WORKFLOW_TASK_FAILED -> {
        var a = e.getWorkflowTaskFailedEventAttributes();
        open(
                "workflow-task-failure",
                a.getCause().name().replace("WORKFLOW_TASK_FAILED_CAUSE_", ""),
                "failed",
                at,
                id)
            .detail(failure(a.getFailure()));
      }
      case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> {
        var a = e.getActivityTaskScheduledEventAttributes();
        byFirstEvent.put(
            id,
            open("activity", a.getActivityType().getName(), "scheduled", at, id)
                .detail("activity " + a.getActivityId()));
      }
      case EVENT_TYPE_ACTIVITY_TASK_STARTED -> {
        var a = e.getActivityTaskStartedEventAttributes();
        Open o = byFirstEvent.get(a.getScheduledEventId());
        if (o != null) {
          o.status = "started";
          o.attempt = a.getAttempt();
          o.lastEventId = id;
        }
      }
      case EVENT_TYPE_ACTIVITY_TASK_COMPLETED ->
          close(
              e.getActivityTaskCompletedEventAttributes().getScheduledEventId(),
              "completed",
              at,
              id,
              null);
      case EVENT_TYPE_ACTIVITY_TASK_FAILED -> {
        var a = e.getActivityTaskFailedEventAttributes();
        close(a.getScheduledEventId(), "failed", at, id, failure(a.getFailure()));
      }
      case EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT -> {
        var a = e.getActivityTaskTimedOutEventAttributes();
        close(a.getScheduledEventId(), "timed_out", at, id, failure(a.getFailure()));
      }
      case EVENT_TYPE_ACTIVITY_TASK_CANCELED ->
          close(
              e.getActivityTaskCanceledEventAttributes().getScheduledEventId(),
              "canceled",
              at,
              id,
              null);
      case EVENT_TYPE_TIMER_STARTED -> {
        var a = e.getTimerStartedEventAttributes();
        var t = a.getStartToFireTimeout();
        byFirstEvent.put(
            id,
            open("timer", "timer " + a.getTimerId(), "started", at, id)
                .detail("fires after " + Duration.ofSeconds(t.getSeconds(), t.getNanos())));
      }
      case EVENT_TYPE_TIMER_FIRED ->
          close(e.getTimerFiredEventAttributes().getStartedEventId(), "fired", at, id, null);
      case EVENT_TYPE_TIMER_CANCELED ->
          close(e.getTimerCanceledEventAttributes().getStartedEventId(), "canceled", at, id, null);
      case EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED -> {
        var a = e.getWorkflowExecutionSignaledEventAttributes();
        open("signal", a.getSignalName(), "received", at, id).detail(by(a.getIdentity()).strip());
      }
      case EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED -> {
        var a = e.getWorkflowExecutionUpdateAcceptedEventAttributes();
        updates.put(
            a.getProtocolInstanceId(),
            open("update", a.getAcceptedRequest().getInput().getName(), "accepted", at, id));
      }
      case EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED -> {
        var a = e.getWorkflowExecutionUpdateCompletedEventAttributes();
        Open o = updates.get(a.getMeta().getUpdateId());
        if (o != null) {
          boolean failed = a.getOutcome().hasFailure();
          o.end(failed ? "failed" : "completed", at, id);
          if (failed) {
            o.detail(failure(a.getOutcome().getFailure()));
          }
        }
      }
      case EVENT_TYPE_MARKER_RECORDED ->
          open("marker", e.getMarkerRecordedEventAttributes().getMarkerName(), "recorded", at, id);
      case EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED -> {
        var a = e.getStartChildWorkflowExecutionInitiatedEventAttributes();
        byFirstEvent.put(
            id,
            open("child", a.getWorkflowType().getName(), "initiated", at, id)
                .detail("workflow " + a.getWorkflowId()));
      }
      case EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED -> {
        Open o =
            byFirstEvent.get(
                e.getChildWorkflowExecutionStartedEventAttributes().getInitiatedEventId());
        if (o != null) {
          o.status = "started";
          o.lastEventId = id;
        }
      }
      default -> {
        long initiated = childInitiatedEventId(e);
        if (initiated > 0) {
          String outcome = childOutcome(e).toLowerCase(java.util.Locale.ROOT);
          close(initiated, outcome, at, id, null);
        }
      }
    }
  }

  private static long childInitiatedEventId(HistoryEvent e) {
    if (e.hasChildWorkflowExecutionCompletedEventAttributes()) {
      return e.getChildWorkflowExecutionCompletedEventAttributes().getInitiatedEventId();
    }
    if (e.hasChildWorkflowExecutionFailedEventAttributes()) {
      return e.getChildWorkflowExecutionFailedEventAttributes().getInitiatedEventId();
    }
    if (e.hasChildWorkflowExecutionCanceledEventAttributes()) {
      return e.getChildWorkflowExecutionCanceledEventAttributes().getInitiatedEventId();
    }
    if (e.hasChildWorkflowExecutionTimedOutEventAttributes()) {
      return e.getChildWorkflowExecutionTimedOutEventAttributes().getInitiatedEventId();
    }
    if (e.hasChildWorkflowExecutionTerminatedEventAttributes()) {
      return e.getChildWorkflowExecutionTerminatedEventAttributes().getInitiatedEventId();
    }
    if (e.hasStartChildWorkflowExecutionFailedEventAttributes()) {
      return e.getStartChildWorkflowExecutionFailedEventAttributes().getInitiatedEventId();
    }
    return 0;
  }

  private static String childOutcome(HistoryEvent e) {
    if (e.hasChildWorkflowExecutionCompletedEventAttributes()) {
      return "COMPLETED";
    }
    if (e.hasChildWorkflowExecutionFailedEventAttributes()
        || e.hasStartChildWorkflowExecutionFailedEventAttributes()) {
      return "FAILED";
    }
    if (e.hasChildWorkflowExecutionCanceledEventAttributes()) {
      return "CANCELED";
    }
    if (e.hasChildWorkflowExecutionTimedOutEventAttributes()) {
      return "TIMED_OUT";
    }
    return "TERMINATED";
  }

  private void endWorkflow(String status, Instant at, long id, String detail) {
    if (workflow == null) {
      workflow = open("workflow", "workflow", status, at, id);
    }
    workflow.end(status, at, id);
    if (detail != null) {
      workflow.detail(detail);
    }
  }

  private void close(long firstEventId, String status, Instant at, long id, String detail) {
    Open o = byFirstEvent.get(firstEventId);
    if (o != null) {
      o.end(status, at, id);
      if (detail != null) {
        o.detail(detail);
      }
    }
  }

  private Open open(String kind, String name, String status, Instant at, long id) {
    Open o = new Open(kind, name, status, at, id);
    entries.add(o);
    return o;
  }

  private static String by(String identity) {
    return identity == null || identity.isEmpty() ? "" : " (by " + identity + ")";
  }

  static String failure(Failure failure) {
    String message = failure.getMessage();
    while (failure.hasCause()) {
      failure = failure.getCause();
      message = message + ": " + failure.getMessage();
    }
    return message;
  }

  static Instant instant(Timestamp time) {
    return Instant.ofEpochSecond(time.getSeconds(), time.getNanos());
  }

  private static final class Open {
    final String kind;
    final String name;
    String status;
    final Instant startedAt;
    Instant endedAt;
    int attempt;
    String detail = "";
    final long firstEventId;
    long lastEventId;

    Open(String kind, String name, String status, Instant startedAt, long id) {
      this.kind = kind;
      this.name = name;
      this.status = status;
      this.startedAt = startedAt;
      this.firstEventId = id;
      this.lastEventId = id;
    }

    Open detail(String text) {
      this.detail = detail.isEmpty() ? text : detail + "; " + text;
      return this;
    }

    void end(String status, Instant at, long id) {
      this.status = status;
      this.endedAt = at;
      this.lastEventId = id;
    }

    ExecutionDetailDto.TimelineEntry toDto() {
      return new ExecutionDetailDto.TimelineEntry(
          kind,
          name,
          status,
          startedAt,
          endedAt,
          endedAt == null ? null : Duration.between(startedAt, endedAt).toMillis(),
          attempt,
          detail,
          firstEventId,
          lastEventId);
    }
  }
}
