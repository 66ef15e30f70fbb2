package de.vorlauf.workflows.training;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Trains the heat-demand forecast (issue 20) on task queue {@code TaskQueues.TRAINING}: weekly from
 * the schedule layer and on demand ("train now"). One long activity reads, trains and records, so
 * the large result (ONNX file, every holdout prediction) stays in the worker and goes to experiment
 * tracking instead of into this history; it heartbeats a checkpoint every epoch and a retry resumes
 * from it.
 */
@WorkflowInterface
public interface TrainingWorkflow {

  /** Workflow ids of "train now" runs start with this; scheduled runs with the schedule's id. */
  String WORKFLOW_ID_PREFIX = "training-";

  @WorkflowMethod
  TrainingOutcome train(TrainingRequest request);

  /** Phase, epoch and loss (the "train now" form's live progress). */
  @QueryMethod
  TrainingStatus progress();

  /** The train activity's progress after every epoch (and when it starts recording). */
  @SignalMethod
  void progressed(TrainingStatus status);
}
