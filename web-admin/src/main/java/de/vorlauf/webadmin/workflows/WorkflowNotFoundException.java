package de.vorlauf.webadmin.workflows;

/** Temporal (or Vorlauf's launch table) does not know a workflow with this ID. */
public class WorkflowNotFoundException extends RuntimeException {

  public WorkflowNotFoundException(String workflowId) {
    super("no workflow with ID '" + workflowId + "' is known to Temporal");
  }
}
