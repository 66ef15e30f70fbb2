package de.vorlauf.worker.logging;

import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.slf4j.Logger;

public class LogProbeWorkflowImpl implements LogProbeWorkflow {

  private static final Logger log = Workflow.getLogger(LogProbeWorkflowImpl.class);

  private final LogProbeActivities activities =
      Workflow.newActivityStub(
          LogProbeActivities.class,
          ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

  @Override
  public String probe(String marker) {
    log.info("workflow {}", marker);
    return activities.logLine(marker);
  }
}
