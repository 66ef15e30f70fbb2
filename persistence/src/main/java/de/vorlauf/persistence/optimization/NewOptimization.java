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
 * @param requestId a real-time call's own id ({@code realtime} origin only, V175): each call is
 *     stored, several for one building and instant included; {@code ""} for every other origin,
 *     which is stored once per building, instant and origin
 * @param caller who asked (the real-time call's principal); null for the scheduled runs
 */
public record NewOptimization(
    String origin,
    OptimizationResult result,
    Instant issuedAt,
    Instant targetHour,
    String predictionMissing,
    String requestId,
    String caller) {

  /** The origin of the real-time endpoint's calls, each with its request id. */
  public static final String REALTIME = "realtime";

  public NewOptimization {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(requestId, "requestId");
    if (origin.equals(REALTIME) == requestId.isEmpty()) {
      throw new IllegalArgumentException(
          "a request id goes with the realtime origin, and only with it: " + origin);
    }
    Objects.requireNonNull(result, "result");
    if (result.demand() != null) {
      Objects.requireNonNull(issuedAt, "issuedAt");
      Objects.requireNonNull(targetHour, "targetHour");
    }
  }

  /** A scheduled run's optimisation: once per building, instant and origin. */
  public NewOptimization(
      String origin,
      OptimizationResult result,
      Instant issuedAt,
      Instant targetHour,
      String predictionMissing) {
    this(origin, result, issuedAt, targetHour, predictionMissing, "", null);
  }
}
