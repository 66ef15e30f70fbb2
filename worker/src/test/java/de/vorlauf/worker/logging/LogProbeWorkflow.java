package de.vorlauf.worker.logging;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** A workflow that logs once itself and once through its activity, for the log format tests. */
@WorkflowInterface
public interface LogProbeWorkflow {

  String TASK_QUEUE = "log-probe";

  @WorkflowMethod
  String probe(String marker);
}
