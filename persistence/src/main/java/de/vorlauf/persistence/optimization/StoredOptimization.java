package de.vorlauf.persistence.optimization;

import de.vorlauf.domain.optimization.OptimizationResult;
import java.time.Instant;

/**
 * A stored optimisation. {@code result().demand()} is the prediction it used while the prediction
 * is kept; {@code model} and {@code modelVersion} name it for as long as the result is kept.
 *
 * @param model the model that predicted; null when none did
 * @param modelVersion its version; 0 when none
 * @param predictionMissing why no prediction was made; null when one was
 * @param commandId the id of the setpoint command published for it; null while unpublished
 * @param publishedAt when it was published; null while unpublished
 */
public record StoredOptimization(
    long id,
    String origin,
    OptimizationResult result,
    String model,
    int modelVersion,
    String predictionMissing,
    String commandId,
    Instant publishedAt,
    Instant createdAt) {

  public boolean published() {
    return commandId != null;
  }
}
