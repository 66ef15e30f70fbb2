package de.vorlauf.webadmin.workflows;

import java.time.Instant;

/** A workflow started from the admin UI, with its live status from Temporal. */
public record WorkflowRunDto(
    String workflowId,
    String workflowType,
    String runId,
    String startedBy,
    Instant startedAt,
    String status,
    Instant closedAt,
    String problem,
    String temporalUiUrl) {}
