package de.vorlauf.domain.models;

import java.util.Map;
import java.util.Objects;

/**
 * A registered model version as the serving side needs it: its name and number, the metrics it was
 * registered with (the holdout errors the prediction's uncertainty comes from) and its training
 * run's parameters (horizon, minimum hour quality).
 */
public record ServedVersion(
    String model, int version, Map<String, Double> metrics, Map<String, String> runParams) {

  public ServedVersion {
    Objects.requireNonNull(model, "model");
    metrics = Map.copyOf(metrics);
    runParams = Map.copyOf(runParams);
  }
}
