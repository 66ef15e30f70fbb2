package de.vorlauf.domain.heating;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A building's weather-compensated flow temperature: {@code flow = base + slope · (20 − T_out)},
 * clipped to {@code [minFlowC, maxFlowC]} — the source document's {@code calculate_heating_curve}.
 *
 * <p><b>Room setpoint shift</b> (how the night setback lowers the flow). The curve is written for a
 * room setpoint of 20 °C: {@code base − 20} is the flow's excess over the room when the building
 * needs no heat, and {@code slope · (20 − T_out)} the excess the load adds, the load being
 * proportional to room minus outdoor temperature. For a room setpoint {@code 20 + Δ} both parts
 * keep their meaning, measured from the new setpoint:
 *
 * <pre>
 *   flow = (20 + Δ) + (base − 20) + slope · ((20 + Δ) − T_out)
 *        = base + slope · (20 − T_out) + (1 + slope) · Δ
 * </pre>
 *
 * so a room-temperature reduction of {@code ΔT_room} lowers the flow by {@code (1 + slope) ·
 * ΔT_room} — 7.5 K for the source document's 3 K setback on its default slope of 1.5 — before the
 * clip. This is the one conversion between the registry's room-temperature setback and a flow
 * temperature ({@link #flowShiftK}).
 *
 * @param baseC flow temperature at 20 °C outdoor (the source document's {@code base_temp})
 * @param slope kelvin of flow temperature per kelvin of outdoor temperature below 20 °C
 * @param minFlowC lowest flow temperature the curve asks for ({@code min_flow})
 * @param maxFlowC highest flow temperature the curve asks for ({@code max_flow})
 */
public record HeatingCurve(double baseC, double slope, double minFlowC, double maxFlowC) {

  /** The room setpoint the curve is written for. */
  public static final double REFERENCE_ROOM_C = 20.0;

  /** The source document's defaults: base 35 °C, slope 1.5, clipped to 25–75 °C. */
  public static final HeatingCurve DEFAULT = new HeatingCurve(35.0, 1.5, 25.0, 75.0);

  /** The registry's plausible range of {@link #baseC}. */
  public static final double MIN_BASE_C = 10.0;

  public static final double MAX_BASE_C = 90.0;

  /** The registry's steepest curve; real controllers offer about 0.2 to 3.5. */
  public static final double MAX_SLOPE = 5.0;

  public HeatingCurve {
    if (!(Double.isFinite(baseC)
        && Double.isFinite(slope)
        && Double.isFinite(minFlowC)
        && Double.isFinite(maxFlowC))) {
      throw new IllegalArgumentException("heating curve values must be finite numbers");
    }
    if (slope < 0) {
      throw new IllegalArgumentException("slope must not be negative: " + slope);
    }
    if (!(minFlowC < maxFlowC)) {
      throw new IllegalArgumentException("minFlowC " + minFlowC + " must be below " + maxFlowC);
    }
  }

  /** The flow temperature for an outdoor temperature at the reference room setpoint. */
  public double flowC(double outdoorC) {
    return flowC(outdoorC, 0.0);
  }

  /**
   * The flow temperature for an outdoor temperature with the room setpoint moved by {@code
   * roomShiftK} (negative: lowered, as by the night setback), clipped to the curve's range.
   */
  public double flowC(double outdoorC, double roomShiftK) {
    double flow = baseC + slope * (REFERENCE_ROOM_C - outdoorC) + flowShiftK(roomShiftK);
    return Math.max(minFlowC, Math.min(maxFlowC, flow));
  }

  /**
   * The curve between two outdoor temperatures as the vertices of its line: both ends and, between
   * them, the outdoor temperatures where the clip to {@code [minFlowC, maxFlowC]} begins. Linear
   * interpolation between neighbouring vertices gives {@link #flowC(double, double)} exactly, so a
   * chart can draw the curve for any measured outdoor temperature without its own formula.
   *
   * @return {@code [outdoorC, flowC]} pairs, outdoor temperatures ascending
   */
  public List<double[]> vertices(double fromOutdoorC, double toOutdoorC, double roomShiftK) {
    if (!(fromOutdoorC < toOutdoorC)) {
      throw new IllegalArgumentException(fromOutdoorC + " must be below " + toOutdoorC);
    }
    List<Double> outdoor = new ArrayList<>(List.of(fromOutdoorC));
    if (slope > 0) {
      double unclippedAt20 = baseC + flowShiftK(roomShiftK);
      // flow falls as the outdoor temperature rises: the max clip ends, then the min clip begins
      for (double flow : new double[] {maxFlowC, minFlowC}) {
        double at = REFERENCE_ROOM_C - (flow - unclippedAt20) / slope;
        if (at > fromOutdoorC && at < toOutdoorC) {
          outdoor.add(at);
        }
      }
    }
    outdoor.add(toOutdoorC);
    List<double[]> points = new ArrayList<>();
    for (double t : outdoor) {
      points.add(new double[] {t, flowC(t, roomShiftK)});
    }
    return points;
  }

  /** How far the (unclipped) flow moves when the room setpoint moves by {@code roomShiftK}. */
  public double flowShiftK(double roomShiftK) {
    return (1.0 + slope) * roomShiftK;
  }

  /** This curve with its flow range narrowed to what the equipment accepts. */
  public HeatingCurve within(EquipmentLimits limits) {
    return new HeatingCurve(
        baseC, slope, Math.max(minFlowC, limits.minFlowC()), Math.min(maxFlowC, limits.maxFlowC()));
  }

  /**
   * Why these values cannot be a building's curve for {@code type}, one sentence per broken rule;
   * empty when they can. The registry's rules: base within [{@value #MIN_BASE_C}, {@value
   * #MAX_BASE_C}] °C, slope within [0, {@value #MAX_SLOPE}], the minimum below the maximum, and
   * both within the type's flow range.
   */
  public static List<String> problems(
      double baseC, double slope, double minFlowC, double maxFlowC, HeatingType type) {
    List<String> problems = new ArrayList<>();
    if (!(baseC >= MIN_BASE_C && baseC <= MAX_BASE_C)) {
      problems.add(
          "the curve's base temperature must be between %s and %s °C (got %s)"
              .formatted(number(MIN_BASE_C), number(MAX_BASE_C), number(baseC)));
    }
    if (!(slope >= 0 && slope <= MAX_SLOPE)) {
      problems.add(
          "the curve's slope must be between 0 and %s (got %s)"
              .formatted(number(MAX_SLOPE), number(slope)));
    }
    if (!(minFlowC < maxFlowC)) {
      problems.add(
          "the minimum flow temperature (%s °C) must be below the maximum (%s °C)"
              .formatted(number(minFlowC), number(maxFlowC)));
    }
    EquipmentLimits limits = type.limits();
    if (!(minFlowC >= limits.minFlowC())) {
      problems.add(
          "the minimum flow temperature (%s °C) is below the lowest a %s runs at (%s °C)"
              .formatted(number(minFlowC), type.label(), number(limits.minFlowC())));
    }
    if (!(maxFlowC <= limits.maxFlowC())) {
      problems.add(
          "the maximum flow temperature (%s °C) is above the highest a %s delivers (%s °C)"
              .formatted(number(maxFlowC), type.label(), number(limits.maxFlowC())));
    }
    return problems;
  }

  private static String number(double value) {
    return Double.isFinite(value)
        ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
        : String.valueOf(value);
  }
}
