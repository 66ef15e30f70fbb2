package de.vorlauf.workflows.selfcheck;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/**
 * Replays a history recorded from the released workflow code. If this fails, the workflow change is
 * not replay-safe: guard it with {@code Workflow.getVersion} instead of editing it.
 */
class PlatformSelfCheckReplayTest {

  @Test
  void releasedHistoryReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/platform-self-check-v1.json", PlatformSelfCheckWorkflowImpl.class);
  }

  /** v2: the ingestion and integration probes, behind their version marker. */
  @Test
  void historyWithIngestionProbesReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/platform-self-check-v2.json", PlatformSelfCheckWorkflowImpl.class);
  }
}
