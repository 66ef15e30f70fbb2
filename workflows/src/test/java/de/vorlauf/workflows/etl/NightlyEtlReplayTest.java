package de.vorlauf.workflows.etl;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/**
 * Replays a history recorded from the released ETL workflow (a backfill with a failing building and
 * a retried batch). If this fails, the change is not replay-safe: guard it with {@code
 * Workflow.getVersion}.
 */
class NightlyEtlReplayTest {

  @Test
  void releasedHistoryReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/nightly-etl-v1.json", NightlyEtlWorkflowImpl.class);
  }

  /**
   * A history as the admin UI's workflow explorer downloads it (payloads passed through its
   * redaction): what a developer takes from a run into a test like this one.
   */
  @Test
  void historyDownloadedFromTheWorkflowExplorerReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/nightly-etl-explorer-export.json", NightlyEtlWorkflowImpl.class);
  }
}
