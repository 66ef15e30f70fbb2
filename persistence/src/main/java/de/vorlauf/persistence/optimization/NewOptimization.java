package de.vorlauf.persistence.optimization;

import de.vorlauf.domain.optimization.OptimizationResult;
import java.time.Instant;
import java.util.Objects;

/**
 * An optimisation to store: the result (with the prediction it used, if any) and what the result
 * itself does not carry.
 *
 * @param origin who asked: {@code hourly}, {@code closed-loop}, {@code realtime}… (lower case,
 *     digits and dashes)
 * @param issuedAt where the prediction's inputs end (training's issue hour: the whole hour before
 *     the result's instant); ignored without one
 * @param targetHour the start of the hour the prediction is for; ignored without one
 * @param predictionMissing why no prediction was made; null when one was, or none was asked for
 */
public record NewOptimization(
    String origin,
    OptimizationResult result,
    Instant issuedAt,
    Instant targetHour,
    String predictionMissing) {

  public NewOptimization {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(result, "result");
    if (result.demand() != null) {
      Objects.requireNonNull(issuedAt, "issuedAt");
      Objects.requireNonNull(targetHour, "targetHour");
    }
  }
}
