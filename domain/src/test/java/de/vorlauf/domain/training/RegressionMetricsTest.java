package de.vorlauf.domain.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RegressionMetricsTest {

  @Test
  void handComputedValues() {
    // actual 1, 2, 3, 4; predicted 2, 2, 2, 6: errors +1, 0, −1, +2
    RegressionMetrics m =
        RegressionMetrics.of(new double[] {1, 2, 3, 4}, new double[] {2, 2, 2, 6});
    assertThat(m.n()).isEqualTo(4);
    assertThat(m.rmse()).isCloseTo(Math.sqrt(6.0 / 4), within(1e-12)); // (1 + 0 + 1 + 4) / 4
    assertThat(m.mae()).isCloseTo(1.0, within(1e-12)); // (1 + 0 + 1 + 2) / 4
    assertThat(m.bias()).isCloseTo(0.5, within(1e-12)); // (1 + 0 − 1 + 2) / 4
    // mean actual 2.5, total squares 2.25 + 0.25 + 0.25 + 2.25 = 5; 1 − 6 / 5
    assertThat(m.r2()).isCloseTo(-0.2, within(1e-12));
  }

  @Test
  void perfectPredictionsAndConstantActuals() {
    RegressionMetrics perfect = RegressionMetrics.of(new double[] {3, 5}, new double[] {3, 5});
    assertThat(perfect.rmse()).isZero();
    assertThat(perfect.r2()).isEqualTo(1.0);
    assertThat(RegressionMetrics.of(new double[] {4, 4}, new double[] {4, 5}).r2()).isNaN();
  }

  @Test
  void lengthsMustMatch() {
    assertThatThrownBy(() -> RegressionMetrics.of(new double[] {1}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RegressionMetrics.of(new double[0], new double[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
