package de.vorlauf.domain.heating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The source document's {@code calculate_heating_curve}: its doctest and its tests, here. */
class HeatingCurveTest {

  private static HeatingCurve sourceCurve(double base, double slope) {
    return new HeatingCurve(base, slope, 25.0, 75.0);
  }

  @ParameterizedTest(name = "doctest: base 40, slope 1.2, {0} °C → {1} °C")
  @CsvSource({"0, 64", "5, 58", "10, 52", "15, 46"})
  void theSourceDocumentsDoctest(double outdoorC, double flowC) {
    assertThat(sourceCurve(40, 1.2).flowC(outdoorC)).isCloseTo(flowC, within(1e-9));
  }

  @ParameterizedTest(name = "test_specific_values: base 35, slope 1.5, {0} °C → {1} °C")
  @CsvSource({"0.0, 65.0", "10.0, 50.0", "20.0, 35.0"})
  void theSourceDocumentsParametrisedTest(double outdoorC, double flowC) {
    assertThat(sourceCurve(35, 1.5).flowC(outdoorC)).isCloseTo(flowC, within(1e-9));
  }

  @Test
  void theSourceDocumentsOtherTests() {
    // test_basic_calculation
    assertThat(sourceCurve(40, 1.5).flowC(0)).isCloseTo(70.0, within(1e-9));
    // test_respects_max_limit / test_respects_min_limit with the defaults
    assertThat(HeatingCurve.DEFAULT.flowC(-20)).isEqualTo(75.0);
    assertThat(HeatingCurve.DEFAULT.flowC(25)).isGreaterThanOrEqualTo(25.0);
    assertThat(HeatingCurve.DEFAULT.flowC(40)).isEqualTo(25.0);
    // test_array_input: strictly falling
    HeatingCurve flat = sourceCurve(35, 1.0);
    assertThat(flat.flowC(-10)).isGreaterThan(flat.flowC(0));
    assertThat(flat.flowC(0)).isGreaterThan(flat.flowC(10));
    assertThat(flat.flowC(10)).isGreaterThan(flat.flowC(20));
  }

  @Test
  void theDefaultsAreTheSourceDocuments() {
    assertThat(HeatingCurve.DEFAULT).isEqualTo(new HeatingCurve(35.0, 1.5, 25.0, 75.0));
    assertThat(HeatingCurve.REFERENCE_ROOM_C).isEqualTo(20.0);
  }

  @Test
  void aColderOutdoorTemperatureNeverLowersTheFlow() {
    for (double t = -30; t < 40; t += 0.25) {
      assertThat(HeatingCurve.DEFAULT.flowC(t))
          .isGreaterThanOrEqualTo(HeatingCurve.DEFAULT.flowC(t + 0.25));
      assertThat(HeatingCurve.DEFAULT.flowC(t)).isBetween(25.0, 75.0);
    }
  }

  @Test
  void aRoomSetpointShiftMovesTheFlowByOnePlusSlopeTimesTheShift() {
    HeatingCurve curve = sourceCurve(35, 1.5);
    // 3 K lower room setpoint: 65 − (1 + 1.5) · 3 = 57.5
    assertThat(curve.flowC(0, -3.0)).isCloseTo(57.5, within(1e-9));
    assertThat(curve.flowShiftK(-3.0)).isCloseTo(-7.5, within(1e-12));
    // the same as evaluating the curve for a 17 °C room: base + Δ + slope · (17 − T_out)
    assertThat(curve.flowC(0, -3.0)).isCloseTo(35 - 3 + 1.5 * (17 - 0), within(1e-9));
    // and still clipped
    assertThat(curve.flowC(20, -10.0)).isEqualTo(25.0);
  }

  @Test
  void withinNarrowsTheRangeToTheEquipment() {
    assertThat(HeatingCurve.DEFAULT.within(HeatingType.WAERMEPUMPE.limits()))
        .isEqualTo(new HeatingCurve(35.0, 1.5, 25.0, 55.0));
    assertThat(HeatingCurve.DEFAULT.within(HeatingType.GAS.limits()))
        .isEqualTo(HeatingCurve.DEFAULT);
  }

  @Test
  void problemsNameEveryBrokenRule() {
    assertThat(HeatingCurve.problems(35, 1.5, 25, 75, HeatingType.GAS)).isEmpty();
    assertThat(HeatingCurve.problems(5, 7, 60, 50, HeatingType.GAS))
        .containsExactly(
            "the curve's base temperature must be between 10 and 90 °C (got 5)",
            "the curve's slope must be between 0 and 5 (got 7)",
            "the minimum flow temperature (60 °C) must be below the maximum (50 °C)");
    assertThat(HeatingCurve.problems(35, 1.5, 15, 75, HeatingType.WAERMEPUMPE))
        .containsExactly(
            "the minimum flow temperature (15 °C) is below the lowest a heat pump runs at (20 °C)",
            "the maximum flow temperature (75 °C) is above the highest a heat pump delivers (55 °C)");
    assertThat(HeatingCurve.problems(Double.NaN, 1.5, 25, 75, HeatingType.GAS)).hasSize(1);
  }

  @Test
  void impossibleCurvesAreRefused() {
    assertThatThrownBy(() -> new HeatingCurve(35, -0.1, 25, 75))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HeatingCurve(35, 1, 75, 75))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HeatingCurve(Double.NaN, 1, 25, 75))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void verticesInterpolateToTheCurveEverywhere() {
    for (double shift : new double[] {0.0, -3.0}) {
      java.util.List<double[]> points = HeatingCurve.DEFAULT.vertices(-40, 40, shift);
      // default curve: clipped at 75 °C below about -6.7 °C and at 25 °C above about 26.7 °C
      assertThat(points).hasSize(4);
      for (double t = -40; t <= 40; t += 0.25) {
        assertThat(interpolate(points, t))
            .as("outdoor %s, shift %s", t, shift)
            .isCloseTo(HeatingCurve.DEFAULT.flowC(t, shift), within(1e-9));
      }
    }
    assertThat(new HeatingCurve(40, 0, 25, 75).vertices(-20, 20, 0)).hasSize(2);
    assertThatThrownBy(() -> HeatingCurve.DEFAULT.vertices(5, 5, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static double interpolate(java.util.List<double[]> points, double t) {
    for (int i = 1; i < points.size(); i++) {
      double[] a = points.get(i - 1);
      double[] b = points.get(i);
      if (t <= b[0]) {
        return a[1] + (b[1] - a[1]) * (t - a[0]) / (b[0] - a[0]);
      }
    }
    throw new IllegalArgumentException("outside: " + t);
  }
}
