package de.vorlauf.workflows.portfolio;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/**
 * Replays a history recorded from the released portfolio workflow (retries after durable timers, a
 * building given up on, an invalid configuration, progress writes). If this fails, the change is
 * not replay-safe: guard it with {@code Workflow.getVersion}.
 */
class PortfolioOptimizationReplayTest {

  @Test
  void releasedHistoryReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/portfolio-optimization-v1.json", PortfolioOptimizationWorkflowImpl.class);
  }
}
