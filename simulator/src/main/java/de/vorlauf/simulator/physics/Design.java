package de.vorlauf.simulator.physics;

import de.vorlauf.domain.heating.HeatingType;

/**
 * Design-point sizing shared by the fleet generator (which sizes radiators and curves) and the
 * simulation (which sizes pumps and generators), so both assume the same installation.
 */
final class Design {

  static final double OUTDOOR_C = -12.0;
  static final double INDOOR_C = 21.0;

  private Design() {}

  static double loadW(double uaWPerK) {
    return uaWPerK * (INDOOR_C - OUTDOOR_C);
  }

  /**
   * Flow minus return at the design point: heat pumps run small spreads for their COP, district
   * networks large ones for their return limit.
   */
  static double spreadK(HeatingType type) {
    return switch (type) {
      case GAS -> 15.0;
      case WAERMEPUMPE -> 5.0;
      case FERNWAERME -> 30.0;
      case HYBRID -> 8.0;
    };
  }

  static double massFlowKgS(double uaWPerK, HeatingType type) {
    return loadW(uaWPerK) / (Circuit.CP * spreadK(type));
  }
}
