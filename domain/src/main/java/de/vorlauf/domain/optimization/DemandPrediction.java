package de.vorlauf.domain.optimization;

import java.util.Objects;

/**
 * The building's model's forecast of the heat it will draw over the coming hour, as the model was
 * trained: under the operation seen in its history.
 *
 * @param model the registered model's name
 * @param version the model version that predicted
 * @param heatKw the predicted mean heat power over the hour
 * @param uncertaintyKw the model's typical error on this scale (e.g. its holdout MAE, in kW for
 *     this building), NaN when unknown
 */
public record DemandPrediction(String model, int version, double heatKw, double uncertaintyKw) {

  public DemandPrediction {
    Objects.requireNonNull(model, "model");
  }
}
