package de.vorlauf.webadmin.etl;

import de.vorlauf.workflows.etl.BuildingDayFailure;
import java.time.Instant;
import java.util.List;

/**
 * One ETL run as the ETL page shows it: its Temporal status and, from the workflow's progress query
 * (or its result once it ended), building-days done out of the total and the failures.
 *
 * @param mode NIGHTLY or BACKFILL; null while the progress cannot be read
 * @param startedBy who started a backfill; {@code schedule} for a nightly run
 * @param status the workflow's status (RUNNING, COMPLETED, FAILED, ..., UNKNOWN)
 * @param total building-days the run counted; -1 while the progress cannot be read
 * @param fraction handled share (done or failed) of the total, 0..1
 * @param failures the first failures with building, day and error (the rest only counted)
 * @param progressProblem why the progress cannot be read now, else null
 * @param temporalUiUrl the run in the Temporal Web UI while it answers, else null
 */
public record EtlRunDto(
    String workflowId,
    String mode,
    String startedBy,
    Instant startedAt,
    String status,
    Instant closedAt,
    long total,
    long done,
    long failed,
    double fraction,
    List<BuildingDayFailure> failures,
    String progressProblem,
    String temporalUiUrl) {}
