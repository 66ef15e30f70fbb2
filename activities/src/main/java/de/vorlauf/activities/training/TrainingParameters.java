package de.vorlauf.activities.training;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a heat-demand training run is told: recorded with the run, so the same parameters on
 * the same data ({@code TrainingResult.dataFingerprint}) give the same model.
 *
 * @param from first issue hour of the window (whole UTC hour); the read starts a week earlier for
 *     the lags
 * @param to end of the window (exclusive, whole UTC hour)
 * @param buildingIds the buildings to train on; empty: every active building
 * @param horizonHours the target hour is {@code [t + h − 1 h, t + h)} for issue hour t; 1..24
 * @param hiddenLayers widths of the MLP's hidden ReLU layers, input side first
 * @param maxEpochs epochs at most
 * @param patience epochs without a better validation loss before training stops
 * @param learningRate Adam's step size
 * @param batchSize rows per gradient step
 * @param seed weights, shuffling, importance and the drift sample all derive from it
 * @param minQuality an hour a sample reads with a lower mean {@code quality} drops the sample
 * @param validationFraction share of the window (less the gaps) for early stopping
 * @param holdoutFraction share of the window (less the gaps) for the metrics, the window's end
 * @param gap between train and validation and between validation and holdout; at least the horizon
 * @param importanceRepeats shuffles per feature for the permutation importance
 * @param driftSampleSize training rows kept as the drift reference
 */
public record TrainingParameters(
    Instant from,
    Instant to,
    List<String> buildingIds,
    int horizonHours,
    List<Integer> hiddenLayers,
    int maxEpochs,
    int patience,
    double learningRate,
    int batchSize,
    long seed,
    double minQuality,
    double validationFraction,
    double holdoutFraction,
    Duration gap,
    int importanceRepeats,
    int driftSampleSize) {

  public static final List<Integer> DEFAULT_LAYERS = List.of(32, 32);

  public TrainingParameters {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(gap, "gap");
    buildingIds = List.copyOf(buildingIds);
    hiddenLayers = List.copyOf(hiddenLayers);
    if (hiddenLayers.isEmpty() || hiddenLayers.stream().anyMatch(w -> w < 1 || w > 1024)) {
      throw new IllegalArgumentException("hidden layers: 1 or more widths of 1..1024");
    }
    if (maxEpochs < 1 || maxEpochs > 1000) {
      throw new IllegalArgumentException("maxEpochs must be 1..1000: " + maxEpochs);
    }
    if (patience < 1) {
      throw new IllegalArgumentException("patience must be at least 1: " + patience);
    }
    if (!(learningRate > 0 && learningRate < 1)) {
      throw new IllegalArgumentException("learning rate must be in (0, 1): " + learningRate);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1: " + batchSize);
    }
    if (!(minQuality >= 0 && minQuality <= 1)) {
      throw new IllegalArgumentException("minQuality must be in [0, 1]: " + minQuality);
    }
    if (importanceRepeats < 1 || driftSampleSize < 0) {
      throw new IllegalArgumentException("importanceRepeats ≥ 1 and driftSampleSize ≥ 0");
    }
  }

  /**
   * The defaults over {@code [from, to)}: next hour, MLP 32-32, at most 30 epochs with patience 5,
   * Adam 1e-3, batches of 256, seed 42, quality ≥ 0.8, 15 % validation, 15 % holdout, gaps of a
   * day, 3 importance repeats, 2,000 drift rows.
   */
  public static TrainingParameters defaults(Instant from, Instant to) {
    return new TrainingParameters(
        from,
        to,
        List.of(),
        1,
        DEFAULT_LAYERS,
        30,
        5,
        1e-3,
        256,
        42,
        0.8,
        0.15,
        0.15,
        Duration.ofDays(1),
        3,
        2_000);
  }

  public TrainingParameters withNetwork(List<Integer> layers, int epochs, int patienceEpochs) {
    return new TrainingParameters(
        from,
        to,
        buildingIds,
        horizonHours,
        layers,
        epochs,
        patienceEpochs,
        learningRate,
        batchSize,
        seed,
        minQuality,
        validationFraction,
        holdoutFraction,
        gap,
        importanceRepeats,
        driftSampleSize);
  }

  public TrainingParameters withSeed(long newSeed) {
    return new TrainingParameters(
        from,
        to,
        buildingIds,
        horizonHours,
        hiddenLayers,
        maxEpochs,
        patience,
        learningRate,
        batchSize,
        newSeed,
        minQuality,
        validationFraction,
        holdoutFraction,
        gap,
        importanceRepeats,
        driftSampleSize);
  }
}
