package de.vorlauf.domain.optimization;

import de.vorlauf.domain.heating.BuildingConfig;
import java.util.List;
import java.util.Objects;

/**
 * Everything one optimisation sees: the registry's configuration, the measured state, the outdoor
 * forecast (from the forecast port) and the model's demand prediction.
 *
 * @param outdoorForecastC forecast outdoor temperature per coming hour, the first being the hour
 *     starting at {@code state.asOf()}; may be empty when no forecast could be made
 * @param demand the model's prediction; null when no usable model or input exists (the optimiser
 *     then falls back to the building's own curve and says so)
 */
public record OptimizationInput(
    BuildingConfig config,
    BuildingState state,
    List<Double> outdoorForecastC,
    DemandPrediction demand) {

  public OptimizationInput {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(state, "state");
    outdoorForecastC = List.copyOf(outdoorForecastC);
  }
}
