package de.vorlauf.domain.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.vorlauf.domain.heating.HeatingType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DegreeHourBaselineTest {

  @Test
  void fitsOneLinePerBuildingOnItsOwnSamples() {
    List<DemandSample> train = new ArrayList<>();
    for (int dh = 0; dh <= 10; dh++) {
      train.add(sample("a", 1000, dh, 5 + 2.0 * dh)); // kW = 5 + 2 · dh
      train.add(sample("b", 500, dh, 1 + 0.5 * dh)); // kW = 1 + 0.5 · dh
    }
    DegreeHourBaseline baseline = DegreeHourBaseline.fit(train);
    assertThat(baseline.line("a").orElseThrow().interceptKw()).isCloseTo(5, within(1e-9));
    assertThat(baseline.line("a").orElseThrow().slopeKwPerKh()).isCloseTo(2, within(1e-9));
    assertThat(baseline.predictKw(sample("b", 500, 20, 0))).isCloseTo(11, within(1e-9));
    assertThat(baseline.predictKw(sample("c", 500, 20, 0))).isNaN();
  }

  @Test
  void aBuildingWithoutSpreadInDegreeHoursPredictsItsMean() {
    DegreeHourBaseline baseline =
        DegreeHourBaseline.fit(List.of(sample("s", 100, 0, 2), sample("s", 100, 0, 4)));
    assertThat(baseline.predictKw(sample("s", 100, 7, 0))).isCloseTo(3, within(1e-9));
  }

  static DemandSample sample(String building, double area, double degreeHours, double kw) {
    double[] x = new double[DemandFeature.count()];
    x[DemandFeature.FORECAST_DEGREE_HOURS.ordinal()] = degreeHours;
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    return new DemandSample(
        building, HeatingType.GAS, area, t, t, x, kw * 1000 / area, TimeSplit.Part.TRAIN);
  }
}
