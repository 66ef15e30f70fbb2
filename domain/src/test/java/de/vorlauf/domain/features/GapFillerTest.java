package de.vorlauf.domain.features;

import static de.vorlauf.domain.features.Provenance.EMPTY;
import static de.vorlauf.domain.features.Provenance.FILLED;
import static de.vorlauf.domain.features.Provenance.INTERPOLATED;
import static de.vorlauf.domain.features.Provenance.RAW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GapFillerTest {

  private static final double N = Double.NaN;

  @Test
  void fourEmptySlotsAreFilledFiveInterpolatedNineLeftEmpty() {
    assertThat(provenance(gap(4))).containsOnly(FILLED);
    assertThat(provenance(gap(5))).containsOnly(INTERPOLATED);
    assertThat(provenance(gap(8))).containsOnly(INTERPOLATED);
    assertThat(provenance(gap(9))).containsOnly(EMPTY);
  }

  @Test
  void edgesOfTheDataAreFilledFourSlotsTowardsTheData() {
    double[] means = {N, N, N, N, N, N, 3, 4, N, N, N, N, N, N};
    FilledSeries filled = GapFiller.fill(means, false, false);
    assertThat(filled.provenance())
        .containsExactly(
            EMPTY, EMPTY, FILLED, FILLED, FILLED, FILLED, RAW, RAW, FILLED, FILLED, FILLED, FILLED,
            EMPTY, EMPTY);
    assertThat(Arrays.copyOfRange(filled.values(), 2, 6)).containsOnly(3.0);
    assertThat(Arrays.copyOfRange(filled.values(), 8, 12)).containsOnly(4.0);
  }

  @Test
  void runsReachingTheGridEdgeWithDataBeyondAreLongGapsNotEdges() {
    double[] means = {N, N, 3, 4, N, N};
    assertThat(GapFiller.fill(means, true, true).provenance())
        .containsExactly(EMPTY, EMPTY, RAW, RAW, EMPTY, EMPTY);
  }

  @Test
  void noDataAtAllStaysEmpty() {
    assertThat(GapFiller.fill(new double[] {N, N, N}, false, false).provenance())
        .containsOnly(EMPTY);
  }

  private static FilledSeries gap(int n) {
    double[] means = new double[n + 2];
    Arrays.fill(means, N);
    means[0] = 1;
    means[n + 1] = 2;
    return GapFiller.fill(means, true, true);
  }

  private static Provenance[] provenance(FilledSeries series) {
    return Arrays.copyOfRange(series.provenance(), 1, series.size() - 1);
  }
}
