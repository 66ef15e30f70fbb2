package de.vorlauf.workflows.etl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How far a run is: building-days done out of the total the plan counted, and the failures (the
 * first {@value #MAX_FAILURES_LISTED} with their errors, the rest only counted, so a fleet-wide
 * outage cannot blow up the workflow's state).
 *
 * @param total building-days the plan counted; nightly runs may find a few more dirty days
 * @param done building-days whose features were written
 * @param failed building-days given up on
 * @param finished the run (the whole chain) has ended
 */
public record EtlProgress(
    EtlMode mode,
    String runId,
    Instant startedAt,
    long total,
    long done,
    long failed,
    List<BuildingDayFailure> failures,
    boolean finished) {

  public static final int MAX_FAILURES_LISTED = 100;

  public EtlProgress {
    failures = failures == null ? List.of() : List.copyOf(failures);
  }

  static EtlProgress start(EtlMode mode, String runId, Instant startedAt, long total) {
    return new EtlProgress(mode, runId, startedAt, total, 0, 0, List.of(), false);
  }

  EtlProgress add(EtlBatchResult result) {
    List<BuildingDayFailure> listed = new ArrayList<>(failures);
    for (BuildingDayFailure f : result.failures()) {
      if (listed.size() < MAX_FAILURES_LISTED) {
        listed.add(f);
      }
    }
    return new EtlProgress(
        mode,
        runId,
        startedAt,
        Math.max(total, done + failed + result.done() + result.failed()),
        done + result.done(),
        failed + result.failed(),
        listed,
        finished);
  }

  EtlProgress finish() {
    return new EtlProgress(mode, runId, startedAt, total, done, failed, failures, true);
  }

  /** Share of the total handled (done or failed), 0..1, for the progress bar. */
  public double fraction() {
    return total == 0 ? (finished ? 1.0 : 0.0) : Math.min(1.0, (double) (done + failed) / total);
  }
}
