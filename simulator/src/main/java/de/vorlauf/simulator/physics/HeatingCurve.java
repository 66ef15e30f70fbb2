package de.vorlauf.simulator.physics;

/**
 * The controller's weather-compensated flow temperature: {@code base + slope·(20 − T_out)}, lowered
 * by {@code setbackK} during the night hours (local time of the building), clipped to {@code
 * [minFlowC, maxFlowC]}.
 *
 * @param baseC flow temperature at 20 °C outdoor
 * @param slope kelvin of flow temperature per kelvin of outdoor temperature below 20 °C
 * @param minFlowC lowest flow temperature the curve asks for
 * @param maxFlowC highest flow temperature the curve asks for
 * @param setbackStartHour local hour (0–23) the night setback starts
 * @param setbackEndHour local hour (0–23) the night setback ends; equal to start means none
 * @param setbackK flow-temperature reduction during the setback, in kelvin
 */
public record HeatingCurve(
    double baseC,
    double slope,
    double minFlowC,
    double maxFlowC,
    int setbackStartHour,
    int setbackEndHour,
    double setbackK) {

  /** The reference room temperature the curve is written for. */
  public static final double REFERENCE_ROOM_C = 20.0;

  public HeatingCurve {
    if (!(minFlowC < maxFlowC)) {
      throw new IllegalArgumentException("minFlowC " + minFlowC + " must be below " + maxFlowC);
    }
    if (slope < 0 || setbackK < 0) {
      throw new IllegalArgumentException("slope and setbackK must not be negative");
    }
    if (setbackStartHour < 0
        || setbackStartHour > 23
        || setbackEndHour < 0
        || setbackEndHour > 23) {
      throw new IllegalArgumentException("setback hours must be within 0..23");
    }
  }

  public double flowFor(double outdoorC, boolean night) {
    double flow = baseC + slope * (REFERENCE_ROOM_C - outdoorC) - (night ? setbackK : 0.0);
    return Math.max(minFlowC, Math.min(maxFlowC, flow));
  }

  /** Whether a local hour of day (fractional, 0 ≤ h &lt; 24) falls into the setback window. */
  public boolean isNight(double localHour) {
    if (setbackStartHour == setbackEndHour) {
      return false;
    }
    if (setbackStartHour < setbackEndHour) {
      return localHour >= setbackStartHour && localHour < setbackEndHour;
    }
    return localHour >= setbackStartHour || localHour < setbackEndHour;
  }
}
