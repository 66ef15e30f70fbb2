package de.vorlauf.domain.training;

import org.apache.commons.math3.stat.StatUtils;

/**
 * Error statistics of predictions against what happened, in the unit of the values (kW for the
 * training result).
 *
 * @param n pairs compared
 * @param rmse √(mean of (predicted − actual)²)
 * @param mae mean of |predicted − actual|
 * @param bias mean of (predicted − actual): positive when the predictions are too high
 * @param r2 1 − Σ(predicted − actual)² / Σ(actual − mean actual)²; NaN when the actual values do
 *     not vary
 */
public record RegressionMetrics(long n, double rmse, double mae, double bias, double r2) {

  /** Metrics of {@code predicted} against {@code actual}, pair by pair; both of one length > 0. */
  public static RegressionMetrics of(double[] actual, double[] predicted) {
    if (actual.length != predicted.length || actual.length == 0) {
      throw new IllegalArgumentException(
          "need equally many actual and predicted values, at least one: "
              + actual.length
              + " vs "
              + predicted.length);
    }
    int n = actual.length;
    double[] errors = new double[n];
    double[] absolute = new double[n];
    for (int i = 0; i < n; i++) {
      errors[i] = predicted[i] - actual[i];
      absolute[i] = Math.abs(errors[i]);
    }
    double squaredErrors = StatUtils.sumSq(errors);
    // population variance × n: the total sum of squares
    double totalSquares = n * StatUtils.populationVariance(actual);
    return new RegressionMetrics(
        n,
        Math.sqrt(squaredErrors / n),
        StatUtils.mean(absolute),
        StatUtils.mean(errors),
        totalSquares > 0 ? 1 - squaredErrors / totalSquares : Double.NaN);
  }
}
