package de.vorlauf.devstack.temporal;

import io.temporal.workflow.Workflow;

public class AwaitSignalWorkflowImpl implements AwaitSignalWorkflow {

  private String value;

  @Override
  public String run() {
    Workflow.await(() -> value != null);
    return "done: " + value;
  }

  @Override
  public void proceed(String value) {
    this.value = value;
  }
}
