package de.vorlauf.domain.heating;

import java.util.Optional;

/**
 * How a hybrid's heat pump and gas boiler share the load (parallel bivalent operation): above the
 * bivalence point the heat pump alone covers the building; below it the heat pump runs at its
 * capacity and the boiler tops up. An installer sizes the heat pump so that its capacity meets the
 * building's heat load at that outdoor temperature, so the point says how much heat the heat pump
 * gives without knowing its rating.
 *
 * <p>The registry has no field for it yet: every hybrid gets {@link #HYBRID_DEFAULT}, the rule of
 * thumb for a heat pump added to an existing boiler (bivalence points between about +2 and −5 °C
 * are common; the colder, the larger and dearer the heat pump). A registry field per building is
 * the next step when real hybrids are registered.
 *
 * @param pointC the outdoor temperature below which the boiler joins the heat pump
 */
public record Bivalence(double pointC) {

  public static final Bivalence HYBRID_DEFAULT = new Bivalence(0.0);

  /** The design room temperature of a heat-load calculation (DIN EN 12831, living rooms). */
  public static final double DESIGN_ROOM_C = 20.0;

  public Bivalence {
    if (!Double.isFinite(pointC)) {
      throw new IllegalArgumentException("bivalence point must be a temperature: " + pointC);
    }
  }

  /**
   * Kelvin between the design room and the bivalence point: times the building's heat-loss
   * coefficient, the heat the heat pump gives at the point (its norm heat load there, free gains
   * not counted, as the sizing rule has it).
   */
  public double designLoadK() {
    return DESIGN_ROOM_C - pointC;
  }

  /** The bivalence of a heating type: only a hybrid has two generators. */
  public static Optional<Bivalence> of(HeatingType type) {
    return type == HeatingType.HYBRID ? Optional.of(HYBRID_DEFAULT) : Optional.empty();
  }
}
