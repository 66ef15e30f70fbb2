package de.vorlauf.domain.optimization;

import java.util.Locale;

/**
 * Gas condensing boiler: the boiler condenses only while the return stays below the flue gas's dew
 * point (~55 °C), so the lowest flow that delivers the heat is also the most efficient one. When
 * even that flow returns above the dew point the heat need wins and "condensing" is reported as
 * violated: comfort first.
 */
final class GasCondensingOptimizer extends ModelBasedOptimizer {

  @Override
  protected void shape(HourPlan plan, Setpoint setpoint) {
    double returnC = plan.returnAt(setpoint.flowC());
    if (returnC > FinalEnergy.DEW_POINT_C) {
      setpoint.violated(
          String.format(
              Locale.ROOT,
              "condensing: predicted return %.1f °C above the %.0f °C dew point",
              returnC,
              FinalEnergy.DEW_POINT_C));
    }
  }
}
