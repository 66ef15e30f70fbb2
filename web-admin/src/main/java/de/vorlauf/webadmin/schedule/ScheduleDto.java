package de.vorlauf.webadmin.schedule;

import java.time.Instant;
import java.util.List;

/**
 * One declared schedule as the Schedules page shows it.
 *
 * @param id the declaration's id
 * @param scheduleId the Temporal schedule id (or the cron workflow's id on the in-JVM server)
 * @param state {@code active}, {@code paused}, {@code not_created} (the worker creates it at
 *     start), {@code cron} (a cron workflow on the in-JVM server), {@code cron_not_running}, {@code
 *     unknown} (Temporal does not answer)
 * @param durable false on the in-JVM test server: nothing survives its restart
 * @param timing when it runs, in words, as Temporal has it (the declaration's until created)
 * @param note the operator's reason of the last pause or unpause
 * @param detail one sentence on the state, e.g. what the fallback cannot do
 * @param missedRuns runs Temporal did not start because they were past the catch-up window
 * @param skippedRuns runs skipped because the previous one still ran
 */
public record ScheduleDto(
    String id,
    String scheduleId,
    String description,
    String workflowType,
    String state,
    boolean durable,
    boolean paused,
    String timing,
    String overlap,
    String catchupWindow,
    String note,
    String detail,
    List<Instant> nextRuns,
    List<RunDto> recentRuns,
    long totalRuns,
    long missedRuns,
    long skippedRuns) {

  /**
   * @param outcome running, completed, failed, timed_out, canceled, terminated, unknown
   * @param link the run in the Temporal Web UI while it answers, else null
   */
  public record RunDto(
      String workflowId,
      String runId,
      Instant scheduledAt,
      Instant startedAt,
      String outcome,
      String link) {}
}
