package de.vorlauf.workflows.training;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/**
 * Replays a history recorded from the released training workflow (progress signals, an attempt that
 * died after epoch 4, the retry resuming from its checkpoint), before and after registration. If
 * this fails, the change is not replay-safe: guard it with {@code Workflow.getVersion}.
 */
class TrainingReplayTest {

  @Test
  void releasedHistoryReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/training-v1.json", TrainingWorkflowImpl.class);
  }

  /** Since issue 21 the run is registered as a model version, behind a version marker. */
  @Test
  void historyWithTheRegistrationReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/training-v2.json", TrainingWorkflowImpl.class);
  }
}
