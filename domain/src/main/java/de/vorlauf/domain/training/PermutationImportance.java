package de.vorlauf.domain.training;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Permutation feature importance: how much the RMSE grows when one input column is shuffled across
 * rows (its link to the target broken, its distribution kept). Columns are shuffled one at a time
 * with a seeded generator, {@code repeats} times each; the result is the mean increase.
 */
public final class PermutationImportance {

  /**
   * @param rmseIncrease mean RMSE with the column shuffled − RMSE of the intact rows
   * @param rmseIncreaseStd standard deviation of that increase over the repeats
   */
  public record Importance(String feature, double rmseIncrease, double rmseIncreaseStd) {}

  private PermutationImportance() {}

  /**
   * @param x rows × columns, not changed
   * @param y targets, one per row
   * @param names one per column
   * @param predict the model: rows in, one prediction per row out (same unit as {@code y})
   */
  public static List<Importance> compute(
      double[][] x,
      double[] y,
      List<String> names,
      Function<double[][], double[]> predict,
      long seed,
      int repeats) {
    if (repeats < 1) {
      throw new IllegalArgumentException("repeats must be at least 1");
    }
    double baseline = RegressionMetrics.of(y, predict.apply(x)).rmse();
    SplittableRandom random = new SplittableRandom(seed);
    List<Importance> result = new ArrayList<>();
    double[][] shuffled = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      shuffled[i] = x[i].clone();
    }
    for (int column = 0; column < names.size(); column++) {
      double[] increases = new double[repeats];
      for (int r = 0; r < repeats; r++) {
        double[] values = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          values[i] = x[i][column];
        }
        for (int i = values.length - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          double swap = values[i];
          values[i] = values[j];
          values[j] = swap;
        }
        for (int i = 0; i < x.length; i++) {
          shuffled[i][column] = values[i];
        }
        increases[r] = RegressionMetrics.of(y, predict.apply(shuffled)).rmse() - baseline;
      }
      for (int i = 0; i < x.length; i++) {
        shuffled[i][column] = x[i][column];
      }
      double mean = 0;
      for (double v : increases) {
        mean += v / repeats;
      }
      double variance = 0;
      for (double v : increases) {
        variance += (v - mean) * (v - mean) / repeats;
      }
      result.add(new Importance(names.get(column), mean, Math.sqrt(variance)));
    }
    return result;
  }
}
