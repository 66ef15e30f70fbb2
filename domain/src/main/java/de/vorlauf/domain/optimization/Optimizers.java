package de.vorlauf.domain.optimization;

import de.vorlauf.domain.heating.HeatingType;

/** The optimiser of each heating type: the source document's {@code optimizer_factory}. */
public final class Optimizers {

  private Optimizers() {}

  public static HeatingCurveOptimizer forType(HeatingType type) {
    return switch (type) {
      case GAS -> new GasCondensingOptimizer();
      case WAERMEPUMPE -> new HeatPumpOptimizer();
      case FERNWAERME -> new DistrictHeatingOptimizer();
      case HYBRID -> new HybridOptimizer();
    };
  }
}
