package de.vorlauf.webadmin.heating;

import de.vorlauf.domain.heating.EquipmentLimits;
import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.domain.heating.HeatingType;

/**
 * A heating type as the API lists it: its code (a building's {@code heatingType}), what to call it,
 * its equipment limits and the curve a building of this type gets when none is given.
 */
public record HeatingTypeDto(String code, String label, Limits limits, Curve defaultCurve) {

  /**
   * @param returnTempMax null where nothing limits the return temperature
   */
  public record Limits(double flowTempMin, double flowTempMax, Double returnTempMax) {}

  /** Named as a building's curve fields are. */
  public record Curve(
      double curveBaseTemp, double curveSlope, double flowTempMin, double flowTempMax) {}

  static HeatingTypeDto of(HeatingType type) {
    EquipmentLimits l = type.limits();
    HeatingCurve c = type.defaultCurve();
    return new HeatingTypeDto(
        type.code(),
        type.label(),
        new Limits(l.minFlowC(), l.maxFlowC(), l.hasReturnLimit() ? l.maxReturnC() : null),
        new Curve(c.baseC(), c.slope(), c.minFlowC(), c.maxFlowC()));
  }
}
