package de.vorlauf.devstack.temporal;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Test workflow: waits for one signal and returns what it carried. */
@WorkflowInterface
public interface AwaitSignalWorkflow {

  @WorkflowMethod
  String run();

  @SignalMethod
  void proceed(String value);
}
