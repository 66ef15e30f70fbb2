package de.vorlauf.workflows.schedule;

import de.vorlauf.domain.schedule.Overlap;
import de.vorlauf.domain.schedule.ScheduleOverride;
import de.vorlauf.domain.schedule.ScheduleTiming;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One recurring workflow of Vorlauf, declared in code ({@link VorlaufSchedules#DECLARED}) and
 * changed by configuration ({@link #with(ScheduleOverride)}). The worker makes a Temporal Schedule
 * of it (or, on the in-JVM test server, a cron workflow); the Schedules page shows it.
 *
 * @param id short, stable, lower-case with dashes; the Temporal schedule is {@code vorlauf-<id>}
 * @param description one sentence for the Schedules page
 * @param workflowType the workflow interface's type name (its simple name unless renamed)
 * @param taskQueue where its runs go ({@code TaskQueues})
 * @param input the workflow method's one argument (a record, so its text is stable)
 * @param timing when it runs
 * @param overlap what happens when a run is due while the last one still runs
 * @param catchupWindow how late a run missed while Temporal was down may still start
 * @param pausedByDefault created paused (an operator unpauses it); an existing schedule's pause
 *     state is the operator's and never changed by the worker
 * @param runTimeout the longest one run may take
 */
public record ScheduleDeclaration(
    String id,
    String description,
    String workflowType,
    String taskQueue,
    Object input,
    ScheduleTiming timing,
    Overlap overlap,
    Duration catchupWindow,
    boolean pausedByDefault,
    Duration runTimeout) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,48}");

  public ScheduleDeclaration {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("schedule id " + id + " must match " + ID);
    }
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(workflowType, "workflowType");
    Objects.requireNonNull(taskQueue, "taskQueue");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(timing, "timing");
    Objects.requireNonNull(overlap, "overlap");
    Objects.requireNonNull(catchupWindow, "catchupWindow");
    Objects.requireNonNull(runTimeout, "runTimeout");
  }

  /** A declaration with the configured changes applied. */
  public ScheduleDeclaration with(ScheduleOverride change) {
    return new ScheduleDeclaration(
        id,
        description,
        workflowType,
        taskQueue,
        input,
        change.timing() == null ? timing : change.timing(),
        change.overlap() == null ? overlap : change.overlap(),
        change.catchupWindow() == null ? catchupWindow : change.catchupWindow(),
        change.paused() == null ? pausedByDefault : change.paused(),
        runTimeout);
  }

  /**
   * Everything the Temporal schedule is made of, as text: equal fingerprints mean nothing to
   * update. The pause default is left out on purpose (it only matters at creation).
   */
  public String fingerprint() {
    return String.join(
        "|",
        workflowType,
        taskQueue,
        input.getClass().getName() + input,
        timing.isInterval() ? "every " + timing.interval() : timing.cron() + " " + timing.zone(),
        overlap.name(),
        catchupWindow.toString(),
        runTimeout.toString());
  }

  /** "every hour; skips a run while the previous one still runs; catches up to 1 hour late". */
  public String words() {
    return timing.words();
  }
}
