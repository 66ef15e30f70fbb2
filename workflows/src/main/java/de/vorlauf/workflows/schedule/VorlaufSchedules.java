package de.vorlauf.workflows.schedule;

import de.vorlauf.domain.schedule.Overlap;
import de.vorlauf.domain.schedule.ScheduleOverrides;
import de.vorlauf.domain.schedule.ScheduleTiming;
import de.vorlauf.workflows.TaskQueues;
import de.vorlauf.workflows.etl.EtlRequest;
import de.vorlauf.workflows.portfolio.PortfolioRequest;
import de.vorlauf.workflows.selfcheck.SelfCheckRequest;
import de.vorlauf.workflows.training.TrainingRequest;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Every recurring workflow of Vorlauf, in one place. A capability that runs on a schedule adds one
 * declaration to {@link #DECLARED}; the worker creates or updates its Temporal Schedule at start,
 * the Schedules page lists it.
 */
public final class VorlaufSchedules {

  /** Temporal schedule ids are this plus the declaration's id; nothing else of ours uses it. */
  public static final String ID_PREFIX = "vorlauf-";

  /** Memo key on every scheduled run: the declaration's id (the page finds its runs by it). */
  public static final String MEMO_SCHEDULE = "vorlauf-schedule";

  /** Memo key of the declaration's fingerprint on the schedule's action. */
  public static final String MEMO_FINGERPRINT = "vorlauf-schedule-fingerprint";

  /** Memo key of the timing in words on the schedule's action (what the page shows). */
  public static final String MEMO_WORDS = "vorlauf-schedule-words";

  public static final String PLATFORM_SELF_CHECK = "platform-self-check";

  public static final String NIGHTLY_ETL = "nightly-etl";

  public static final String WEEKLY_TRAINING = "weekly-training";

  public static final String PORTFOLIO_OPTIMIZATION = "portfolio-optimization";

  public static final List<ScheduleDeclaration> DECLARED =
      List.of(
          new ScheduleDeclaration(
              PLATFORM_SELF_CHECK,
              "checks that database, broker, Temporal and the clocks work together",
              "PlatformSelfCheckWorkflow",
              TaskQueues.PLATFORM,
              new SelfCheckRequest("schedule " + PLATFORM_SELF_CHECK),
              ScheduleTiming.every(Duration.ofHours(1)),
              Overlap.SKIP,
              Duration.ofMinutes(10),
              false,
              Duration.ofMinutes(5)),
          // 02:00 in the fleet's time zone: the last local day is complete everywhere in Europe;
          // a run missed while Temporal was down starts within six hours, later it waits a day
          new ScheduleDeclaration(
              NIGHTLY_ETL,
              "the 15-minute features of every active building's last local day and of dirty days",
              "NightlyEtlWorkflow",
              TaskQueues.PLATFORM,
              EtlRequest.nightly(),
              ScheduleTiming.cron("0 2 * * *", ZoneId.of("Europe/Berlin")),
              Overlap.SKIP,
              Duration.ofHours(6),
              false,
              Duration.ofHours(6)),
          // Sunday 04:00 in Berlin: after the nightly ETL (02:00) has written Saturday's features;
          // the window is the last eight weeks (every weekday eight times, the seasonal trend
          // still recent), on its own task queue so that a training worker can take it
          new ScheduleDeclaration(
              WEEKLY_TRAINING,
              "trains the heat-demand forecast on the last "
                  + TrainingRequest.DEFAULT_LAST_DAYS
                  + " days of features and records it in experiment tracking",
              "TrainingWorkflow",
              TaskQueues.TRAINING,
              TrainingRequest.scheduled(TrainingRequest.DEFAULT_LAST_DAYS, WEEKLY_TRAINING),
              ScheduleTiming.cron("0 4 * * 0", ZoneId.of("Europe/Berlin")),
              Overlap.SKIP,
              Duration.ofDays(1),
              false,
              Duration.ofHours(6)),
          // :05 past every hour in UTC (Temporal wants the zone name "UTC", not the offset "Z"; the
          // source document's schedule): the last hour's readings
          // are in. A run missed for longer than 30 minutes is not worth starting (the next one
          // optimises the next hour); a run that outlasts the hour makes the next one skip.
          // VORLAUF_SCHEDULE_OVERRIDES=portfolio-optimization:every=PT5M runs it every 5 minutes
          // for demos; the runs of one hour then answer from the store (setpoints are per hour)
          new ScheduleDeclaration(
              PORTFOLIO_OPTIMIZATION,
              "optimises every active building's heating setpoint for the hour and sends it",
              "PortfolioOptimizationWorkflow",
              TaskQueues.PLATFORM,
              PortfolioRequest.hourly(),
              ScheduleTiming.cron("5 * * * *", ZoneId.of("UTC")),
              Overlap.SKIP,
              Duration.ofMinutes(30),
              false,
              Duration.ofHours(1)));

  private VorlaufSchedules() {}

  /** The declarations with the configured overrides applied. */
  public static List<ScheduleDeclaration> effective(
      List<ScheduleDeclaration> declared, ScheduleOverrides overrides) {
    List<ScheduleDeclaration> result = new ArrayList<>();
    for (ScheduleDeclaration declaration : declared) {
      result.add(overrides.of(declaration.id()).map(declaration::with).orElse(declaration));
    }
    return List.copyOf(result);
  }

  /** Overridden ids that no declaration has: a typo in the configuration. */
  public static List<String> unknownOverrides(
      List<ScheduleDeclaration> declared, ScheduleOverrides overrides) {
    List<String> ids = declared.stream().map(ScheduleDeclaration::id).toList();
    return overrides.ids().stream().filter(id -> !ids.contains(id)).sorted().toList();
  }
}
