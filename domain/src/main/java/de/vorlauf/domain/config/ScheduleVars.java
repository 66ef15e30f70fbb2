package de.vorlauf.domain.config;

import static de.vorlauf.domain.config.ReadBy.WORKER;

import de.vorlauf.domain.schedule.ScheduleOverrides;
import java.util.List;

/** Recurring workflows: the schedules capabilities declare in code, changed by configuration. */
public final class ScheduleVars {

  public static final EnvVar<ScheduleOverrides> OVERRIDES =
      EnvVar.of(
              "VORLAUF_SCHEDULE_OVERRIDES",
              "id:key=value,...;id:... with keys every, cron, zone, paused, catchup, overlap",
              ScheduleOverrides::parse)
          .unset("none: every schedule as declared")
          .readBy(WORKER)
          .means(
              "changes declared schedules, e.g. platform-self-check:every=PT30M or"
                  + " platform-self-check:cron=15 * * * *,paused=true; the hourly portfolio"
                  + " optimisation (issue 23) every few minutes for a demo:"
                  + " portfolio-optimization:every=PT5M (docs/architecture.md, add a schedule)");

  public static final List<EnvVar<?>> ALL = List.of(OVERRIDES);

  private ScheduleVars() {}
}
