package de.vorlauf.webadmin.workflows;

import java.time.Instant;
import java.util.List;

/**
 * GET /api/v1/workflows/{id}[?run=]: one execution as the explorer's detail page shows it. Input,
 * result and failure are JSON text with secrets redacted ({@link Redaction}).
 *
 * @param summary the type's domain summary ({@link WorkflowSummary}); null when it has none
 * @param cancelRequested a cancellation was requested and the run has not ended yet
 * @param timelineTruncated the history has more entries than the timeline shows
 */
public record ExecutionDetailDto(
    String workflowId,
    String runId,
    String type,
    String status,
    Instant startedAt,
    Instant closedAt,
    String taskQueue,
    String buildingId,
    String parentWorkflowId,
    String input,
    String result,
    String failure,
    String summary,
    boolean cancelRequested,
    long historyLength,
    List<PendingActivity> pendingActivities,
    List<Child> children,
    List<TimelineEntry> timeline,
    boolean timelineTruncated,
    String temporalUiUrl) {

  /**
   * @param state SCHEDULED, STARTED, CANCEL_REQUESTED ...
   * @param maximumAttempts 0 for unlimited
   * @param lastFailure the failure of the last attempt, null when none failed yet
   */
  public record PendingActivity(
      String activityId,
      String type,
      String state,
      int attempt,
      int maximumAttempts,
      Instant scheduledAt,
      Instant lastStartedAt,
      String lastFailure) {}

  /**
   * @param status STARTING, RUNNING, COMPLETED, FAILED, CANCELED, TIMED_OUT, TERMINATED
   */
  public record Child(String workflowId, String runId, String type, String status) {}

  /**
   * One thing that happened, from its first event to its last.
   *
   * @param kind workflow, activity, timer, signal, update, child, marker, cancel-request,
   *     workflow-task-failure
   * @param status e.g. scheduled, started, completed, failed, timed_out, canceled, fired, received,
   *     terminated
   * @param durationMillis from the first event to the last; null while it is open or for an instant
   * @param attempt the activity's attempt, else 0
   */
  public record TimelineEntry(
      String kind,
      String name,
      String status,
      Instant startedAt,
      Instant endedAt,
      Long durationMillis,
      int attempt,
      String detail,
      long firstEventId,
      long lastEventId) {}
}
