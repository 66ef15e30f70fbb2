package de.vorlauf.domain.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PermutationImportanceTest {

  @Test
  void aColumnTheModelIgnoresHasNoImportanceAndTheOneItUsesHasSome() {
    SplittableRandom random = new SplittableRandom(3);
    double[][] x = new double[500][];
    double[] y = new double[500];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[] {random.nextDouble(), random.nextDouble()};
      y[i] = 3 * x[i][0];
    }
    Function<double[][], double[]> model = rows -> rowsTimes(rows, 3);
    List<PermutationImportance.Importance> importance =
        PermutationImportance.compute(x, y, List.of("used", "ignored"), model, 11, 3);
    assertThat(importance.get(0).feature()).isEqualTo("used");
    // shuffling x0 of a uniform column: E[(3a − 3b)²] = 9 · 2 · 1/12 = 1.5, RMSE ≈ 1.22
    assertThat(importance.get(0).rmseIncrease()).isCloseTo(Math.sqrt(1.5), within(0.15));
    assertThat(importance.get(1).rmseIncrease()).isZero();
    assertThat(x[0][0]).isEqualTo(rowsTimes(new double[][] {x[0]}, 1)[0]); // input untouched
  }

  @Test
  void theSameSeedGivesTheSameImportance() {
    double[][] x = {{1, 0}, {2, 1}, {3, 0}, {4, 1}};
    double[] y = {1, 2, 3, 4};
    Function<double[][], double[]> model = rows -> rowsTimes(rows, 1);
    assertThat(PermutationImportance.compute(x, y, List.of("a", "b"), model, 5, 4))
        .isEqualTo(PermutationImportance.compute(x, y, List.of("a", "b"), model, 5, 4));
  }

  private static double[] rowsTimes(double[][] rows, double factor) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = factor * rows[i][0];
    }
    return out;
  }
}
