package de.vorlauf.webadmin.training;

import java.time.Instant;

/**
 * A training run started here, with its progress: {@code GET /api/v1/training/runs/{workflowId}}
 * and the 202 of a start.
 *
 * @param status Temporal's status (RUNNING, COMPLETED, FAILED, …, UNKNOWN)
 * @param phase the workflow's own: STARTING, READING, TRAINING, RECORDING, FINISHED, FAILED; null
 *     while no worker answered
 * @param trainLoss null before the first epoch
 * @param trackedRunId experiment tracking's run id once known, else null
 * @param runPage the admin UI's page of the tracked run, once known
 * @param workflowPage the admin UI's page of the workflow execution
 * @param message why the run failed, or null
 * @param problem why the progress is not shown, or null
 */
public record TrainingRunDto(
    String workflowId,
    String startedBy,
    Instant startedAt,
    String status,
    String phase,
    int epoch,
    int maxEpochs,
    Double trainLoss,
    Double validationLoss,
    int attempt,
    int resumedFromEpoch,
    String experiment,
    Long trackedRunId,
    Double modelRmseKw,
    Double degreeHoursRmseKw,
    String runPage,
    String workflowPage,
    String temporalUiUrl,
    String message,
    String problem) {}
