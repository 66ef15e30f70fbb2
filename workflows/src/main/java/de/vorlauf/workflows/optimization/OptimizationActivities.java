package de.vorlauf.workflows.optimization;

import io.temporal.activity.ActivityInterface;

/**
 * Optimisation of buildings at an explicit instant, for the hourly portfolio run and the
 * closed-loop harness alike. Only ids, instants and per-building outcomes cross the workflow
 * boundary; readings, features and models stay in the worker.
 */
@ActivityInterface
public interface OptimizationActivities {

  /**
   * For each building of the batch: reads its configuration and measured state as of {@code
   * batch.asOf()} (nothing at or after it), asks the forecast port and the building's model
   * (registry alias {@code batch.modelAlias()}), runs the optimiser of its heating type, stores the
   * result with the prediction it used, and publishes the setpoint on the device's command topic
   * when {@code batch.publish()} — not for a fallback: the device then runs its own curve once the
   * last setpoint expires. A building that fails is reported in its outcome and never fails the
   * batch. On a retry, a building already stored for {@code (building, asOf)} is returned from the
   * store, not optimised or published again.
   */
  OptimizationBatchResult optimize(OptimizationBatch batch);
}
