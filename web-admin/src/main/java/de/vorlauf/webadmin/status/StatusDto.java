package de.vorlauf.webadmin.status;

import de.vorlauf.webadmin.workflows.WorkflowRunDto;
import java.time.Instant;
import java.util.List;

/**
 * GET /api/v1/status.
 *
 * @param temporalUiUrl null unless the Temporal Web UI answered just now
 * @param recentWorkflowsProblem why the list is empty although it should not be, else null
 * @param processes what the local launcher started, with restarts; empty without a launcher
 */
public record StatusDto(
    Instant checkedAt,
    boolean allUp,
    List<ServiceDto> services,
    List<WorkflowRunDto> recentWorkflows,
    String recentWorkflowsProblem,
    String temporalUiUrl,
    List<LauncherProcessDto> processes) {}
