package de.vorlauf.domain.optimization;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The source document's {@code OptimizationResult}: what the building should run for the coming
 * hour, and why.
 *
 * @param timestamp the optimisation's "as of" instant
 * @param recommendedFlowC the flow temperature setpoint (recommended_vorlauf), within the
 *     building's equipment limits
 * @param recommendedRoomC the room temperature the setpoint aims at (recommended_setpoint)
 * @param sendRoomSetpoint whether the command carries the room setpoint: only when the building
 *     measures its indoor temperature (a controller without a room sensor cannot use one)
 * @param baselineFlowC what the building's own heating curve would run at the same instant
 * @param predictedSavingsPercent predicted saving of final energy against the baseline curve, %
 * @param confidence 0..1, from data quality and model uncertainty; 0 for a fallback
 * @param bindingConstraints constraints that moved the setpoint (e.g. "equipment maximum flow")
 * @param constraintsViolated comfort or equipment constraints that cannot be met
 * @param validUntil the setpoint's end; the device returns to its curve after it
 * @param fallback why the baseline curve was used; null when the model-based setpoint was
 * @param fallbackReason the fallback's cause in words, null without fallback
 * @param demand the prediction used; null when none
 */
public record OptimizationResult(
    String buildingId,
    Instant timestamp,
    double recommendedFlowC,
    double recommendedRoomC,
    boolean sendRoomSetpoint,
    double baselineFlowC,
    double predictedSavingsPercent,
    double confidence,
    List<String> bindingConstraints,
    List<String> constraintsViolated,
    Instant validUntil,
    Fallback fallback,
    String fallbackReason,
    DemandPrediction demand) {

  public OptimizationResult {
    Objects.requireNonNull(buildingId, "buildingId");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(validUntil, "validUntil");
    bindingConstraints = List.copyOf(bindingConstraints);
    constraintsViolated = List.copyOf(constraintsViolated);
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
    }
    if ((fallback == null) != (fallbackReason == null)) {
      throw new IllegalArgumentException("a fallback needs its reason, and only a fallback");
    }
  }

  public boolean isFallback() {
    return fallback != null;
  }
}
