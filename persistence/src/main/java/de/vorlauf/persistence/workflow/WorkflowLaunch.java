package de.vorlauf.persistence.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A workflow started from the admin UI. Lets the UI list recent executions on any Temporal server,
 * including the in-JVM one that has no visibility queries.
 */
@Entity
@Table(name = "workflow_launches")
public class WorkflowLaunch {

  @Id
  @Column(name = "workflow_id", nullable = false, updatable = false)
  private String workflowId;

  @Column(name = "workflow_type", nullable = false, updatable = false)
  private String workflowType;

  @Column(name = "run_id")
  private String runId;

  @Column(name = "started_by", nullable = false, updatable = false)
  private String startedBy;

  @Column(name = "started_at", nullable = false, updatable = false)
  private Instant startedAt;

  protected WorkflowLaunch() {}

  public WorkflowLaunch(
      String workflowId, String workflowType, String runId, String startedBy, Instant startedAt) {
    this.workflowId = Objects.requireNonNull(workflowId, "workflowId");
    this.workflowType = Objects.requireNonNull(workflowType, "workflowType");
    this.runId = runId;
    this.startedBy = Objects.requireNonNull(startedBy, "startedBy");
    this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
  }

  public String getWorkflowId() {
    return workflowId;
  }

  public String getWorkflowType() {
    return workflowType;
  }

  public String getRunId() {
    return runId;
  }

  public void setRunId(String runId) {
    this.runId = runId;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public Instant getStartedAt() {
    return startedAt;
  }
}
