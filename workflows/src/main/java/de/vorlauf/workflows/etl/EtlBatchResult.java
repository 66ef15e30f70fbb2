package de.vorlauf.workflows.etl;

import java.util.List;

/**
 * What a batch did, per building-day: counts, and the failures with their errors. Also the
 * heartbeat of a batch in progress ({@code items} handled so far), which a retry resumes from.
 *
 * @param items building-days handled (done or failed) so far, in the batch's own order
 * @param rows feature rows written
 */
public record EtlBatchResult(
    long items, long done, long failed, long rows, List<BuildingDayFailure> failures) {

  public EtlBatchResult {
    failures = failures == null ? List.of() : List.copyOf(failures);
  }

  public static EtlBatchResult empty() {
    return new EtlBatchResult(0, 0, 0, 0, List.of());
  }
}
