package de.vorlauf.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacedPhaseTest {

  @Test
  void percentilesAreNearestRank() {
    double[] sorted = new double[100];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = i + 1;
    }
    assertThat(PacedPhase.percentile(sorted, 0.50)).isEqualTo(50);
    assertThat(PacedPhase.percentile(sorted, 0.99)).isEqualTo(99);
    assertThat(PacedPhase.percentile(new double[] {7}, 0.99)).isEqualTo(7);
  }
}
