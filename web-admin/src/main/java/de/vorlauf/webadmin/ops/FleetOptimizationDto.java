package de.vorlauf.webadmin.ops;

import de.vorlauf.persistence.ops.FleetOptimization;

/**
 * A fleet row's optimisation (issue 23): the newest result of any origin, the delivery of the
 * newest setpoint command, and the building's problem in the latest finished portfolio run. A part
 * the building has none of is left out (null).
 *
 * @param result flow, baseline, predicted savings %, fallback cause
 * @param delivery command id, state (QUEUED, SENT, APPLIED, REJECTED, EXPIRED, SUPERSEDED), reason
 * @param lastRun {@code FAILED} or {@code SKIPPED} with the reason, in the latest finished run
 */
public record FleetOptimizationDto(
    FleetOptimization.Result result,
    FleetOptimization.Delivery delivery,
    FleetOptimization.RunProblem lastRun) {

  static FleetOptimizationDto of(FleetOptimization.Latest latest) {
    return latest == null
        ? null
        : new FleetOptimizationDto(latest.result(), latest.delivery(), latest.lastRun());
  }
}
