package de.vorlauf.webadmin.workflows;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.time.Instant;

/**
 * What Temporal says about one execution right now.
 *
 * @param status RUNNING, COMPLETED, FAILED, CANCELED, TERMINATED, CONTINUED_AS_NEW, TIMED_OUT, or
 *     UNKNOWN when Temporal could not be asked (then {@code problem} says why)
 */
public record WorkflowState(
    String workflowId, String runId, String status, Instant closedAt, String problem) {

  public static final String UNKNOWN = "UNKNOWN";
  public static final String COMPLETED = "COMPLETED";

  public static String statusName(WorkflowExecutionStatus status) {
    String name = status.name();
    String prefix = "WORKFLOW_EXECUTION_STATUS_";
    return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
  }

  public static WorkflowState unknown(String workflowId, String problem) {
    return new WorkflowState(workflowId, null, UNKNOWN, null, problem);
  }

  public boolean completed() {
    return COMPLETED.equals(status);
  }
}
