package de.vorlauf.persistence.portfolio;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of the portfolio optimisation as {@code portfolio_runs} holds it (V161).
 *
 * @param state {@code RUNNING}, {@code COMPLETED} or {@code FAILED}
 * @param fallbackReasons fallback cause → buildings, by cause
 * @param updatedAt the last progress the workflow wrote
 * @param error why the run itself ended early; null for a run that finished
 */
public record PortfolioRun(
    long id,
    String workflowId,
    String runId,
    Instant asOf,
    String origin,
    String state,
    int buildingsTotal,
    int done,
    int fallback,
    int skipped,
    int failed,
    Map<String, Long> fallbackReasons,
    Instant startedAt,
    Instant updatedAt,
    Instant finishedAt,
    String error) {

  public PortfolioRun {
    fallbackReasons = Collections.unmodifiableMap(new LinkedHashMap<>(fallbackReasons));
  }

  /** Buildings the run has handled so far, whatever their outcome. */
  public int handled() {
    return done + fallback + skipped + failed;
  }

  /** A building of the run that did not get its setpoint ({@code portfolio_run_buildings}). */
  public record Problem(
      String buildingId,
      String status,
      String reason,
      int attempts,
      boolean retryable,
      Instant recordedAt) {}
}
