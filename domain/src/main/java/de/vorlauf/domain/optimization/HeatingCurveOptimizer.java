package de.vorlauf.domain.optimization;

/**
 * The source document's optimiser seam: one strategy per heating type. Pure: the same input gives
 * the same result, and "now" is the input's {@code state.asOf()}, never the wall clock.
 */
public interface HeatingCurveOptimizer {

  OptimizationResult optimize(OptimizationInput input);
}
