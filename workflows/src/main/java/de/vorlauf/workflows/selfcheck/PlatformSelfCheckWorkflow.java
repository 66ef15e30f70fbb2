package de.vorlauf.workflows.selfcheck;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Checks that the platform's services work together: a database write/read round trip, an MQTT
 * publish→receive round trip and the agreement of the clocks involved. Every probe runs even when
 * another fails, so one report names everything that is wrong.
 */
@WorkflowInterface
public interface PlatformSelfCheckWorkflow {

  /** Workflow IDs are this prefix plus something unique, e.g. a UUID. */
  String WORKFLOW_ID_PREFIX = "self-check-";

  @WorkflowMethod
  SelfCheckReport run(SelfCheckRequest request);
}
