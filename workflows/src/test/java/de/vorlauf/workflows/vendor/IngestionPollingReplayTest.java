package de.vorlauf.workflows.vendor;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/**
 * Replays a history recorded from the released polling workflow (rounds over two installations,
 * pause, resume, a new interval, stop). If this fails, the change is not replay-safe: guard it with
 * {@code Workflow.getVersion}.
 */
class IngestionPollingReplayTest {

  @Test
  void releasedHistoryReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/ingestion-polling-v1.json", IngestionPollingWorkflowImpl.class);
  }
}
