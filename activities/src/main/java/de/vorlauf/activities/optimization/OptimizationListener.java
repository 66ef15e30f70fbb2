package de.vorlauf.activities.optimization;

import de.vorlauf.workflows.optimization.BuildingOutcome;
import java.time.Duration;

/**
 * Told after every building an optimisation handled: the worker turns it into metrics. Called on
 * the activity's thread; must not block.
 */
public interface OptimizationListener {

  OptimizationListener NONE = (status, fallback, took) -> {};

  /**
   * @param fallback the fallback's cause ({@code Fallback} name) for a fallback, else null
   * @param took configuration, state, prediction, optimiser, store and publish of the building
   */
  void building(BuildingOutcome.Status status, String fallback, Duration took);
}
