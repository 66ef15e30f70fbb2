package de.vorlauf.worker.schedule;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The schedules' meters (docs/metrics.md): runs by outcome, runs Temporal missed (past the catch-up
 * window) or skipped (overlap), and whether a schedule is paused. Labels are the declared schedule
 * ids, so they are bounded. Fed by {@link ScheduleMonitor}.
 */
public final class ScheduleMetrics {

  private static final int REMEMBERED_RUNS = 2_000;

  private final MeterRegistry registry;
  private final Map<String, State> states = new ConcurrentHashMap<>();
  private final Set<String> countedRuns = new LinkedHashSet<>();

  private static final class State {
    final AtomicLong missedCatchup = new AtomicLong();
    final AtomicLong skippedOverlap = new AtomicLong();
    final AtomicLong paused = new AtomicLong();
  }

  public ScheduleMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Temporal's counts for one schedule (monotonic on the server) and its pause state. */
  public void observe(String schedule, long missedCatchup, long skippedOverlap, boolean paused) {
    State state = states.computeIfAbsent(schedule, this::register);
    state.missedCatchup.set(missedCatchup);
    state.skippedOverlap.set(skippedOverlap);
    state.paused.set(paused ? 1 : 0);
  }

  /**
   * A run of the schedule that has ended, counted once per run id.
   *
   * @param outcome completed, failed, timed_out, canceled, terminated
   */
  public synchronized void runEnded(String schedule, String runId, String outcome) {
    if (!countedRuns.add(runId)) {
      return;
    }
    if (countedRuns.size() > REMEMBERED_RUNS) {
      countedRuns.remove(countedRuns.iterator().next());
    }
    Counter.builder("vorlauf_schedule_runs")
        .description("runs of a schedule that ended, by outcome (seen by this worker)")
        .tag("schedule", schedule)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  private State register(String schedule) {
    State state = new State();
    FunctionCounter.builder("vorlauf_schedule_missed_runs", state, s -> s.missedCatchup.get())
        .description("runs Temporal did not start: missed past the catch-up window or skipped")
        .tag("schedule", schedule)
        .tag("reason", "catchup_window")
        .register(registry);
    FunctionCounter.builder("vorlauf_schedule_missed_runs", state, s -> s.skippedOverlap.get())
        .description("runs Temporal did not start: missed past the catch-up window or skipped")
        .tag("schedule", schedule)
        .tag("reason", "overlap_skipped")
        .register(registry);
    Gauge.builder("vorlauf_schedule_paused", state, s -> s.paused.get())
        .description("1 while the schedule is paused")
        .tag("schedule", schedule)
        .register(registry);
    return state;
  }
}
