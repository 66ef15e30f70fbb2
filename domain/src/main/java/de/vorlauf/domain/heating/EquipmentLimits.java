package de.vorlauf.domain.heating;

/**
 * What a kind of heat generator accepts. A setpoint or a curve outside these limits is refused (or
 * clipped) before it reaches the equipment, as the real controller would.
 *
 * @param minFlowC no circuit runs below this flow temperature: controllers treat lower setpoints as
 *     a fault
 * @param maxFlowC the highest flow temperature the equipment delivers
 * @param maxReturnC the highest return temperature it accepts; {@link Double#POSITIVE_INFINITY}
 *     where nothing limits it
 */
public record EquipmentLimits(double minFlowC, double maxFlowC, double maxReturnC) {

  /** {@code maxReturnC} of equipment that accepts any return temperature. */
  public static final double NO_RETURN_LIMIT = Double.POSITIVE_INFINITY;

  public EquipmentLimits {
    if (!(Double.isFinite(minFlowC) && Double.isFinite(maxFlowC) && minFlowC < maxFlowC)) {
      throw new IllegalArgumentException(
          "flow limits must be finite and ordered: " + minFlowC + " .. " + maxFlowC);
    }
    if (!(maxReturnC > 0)) {
      throw new IllegalArgumentException("return limit must be positive: " + maxReturnC);
    }
  }

  public boolean hasReturnLimit() {
    return maxReturnC != NO_RETURN_LIMIT;
  }

  public double clampFlow(double flowC) {
    return Math.max(minFlowC, Math.min(maxFlowC, flowC));
  }
}
