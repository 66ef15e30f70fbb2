package de.vorlauf.inference;

/**
 * The one tolerance between a model's predictions computed two ways (DL4J's and ONNX Runtime's at
 * export; the training run's and a gateway's when verifying a download): per row, in kW (W/m² × the
 * row's area / 1000), {@code |a − b| ≤ 1e-5 · max(|a|, 10 kW)}.
 */
public final class ParityCheck {

  /** Relative tolerance. */
  public static final double RELATIVE = 1e-5;

  /** Below this |a| the tolerance stops shrinking, kW. */
  public static final double FLOOR_KW = 10.0;

  /**
   * @param rows rows compared
   * @param maxAbsDiffKw largest |a − b|
   * @param maxRatio largest |a − b| / tolerance of its row (≤ 1 passes; infinite for NaN)
   * @param worstRow the row of {@code maxRatio}, -1 without rows
   * @param worstExpectedKw a on that row
   * @param worstActualKw b on that row
   */
  public record Report(
      int rows,
      double maxAbsDiffKw,
      double maxRatio,
      int worstRow,
      double worstExpectedKw,
      double worstActualKw) {

    public boolean passed() {
      return maxRatio <= 1;
    }

    /** The worst row in words, for an exception or the verification report. */
    public String worst() {
      return "row %d of %d: expected %.6f kW, got %.6f kW, |a − b| %.3g kW > %.3g kW allowed"
          .formatted(
              worstRow,
              rows,
              worstExpectedKw,
              worstActualKw,
              Math.abs(worstExpectedKw - worstActualKw),
              tolerance(worstExpectedKw));
    }
  }

  private ParityCheck() {}

  /** The allowed |a − b| for an expected value of {@code aKw}. */
  public static double tolerance(double aKw) {
    return RELATIVE * Math.max(Math.abs(aKw), FLOOR_KW);
  }

  /**
   * @param expectedWm2 a, per m²
   * @param actualWm2 b, per m²
   * @param areaM2 each row's area
   */
  public static Report compare(float[] expectedWm2, float[] actualWm2, double[] areaM2) {
    if (expectedWm2.length != actualWm2.length || expectedWm2.length != areaM2.length) {
      throw new IllegalArgumentException(
          "%d expected, %d actual, %d areas"
              .formatted(expectedWm2.length, actualWm2.length, areaM2.length));
    }
    double maxDiff = 0;
    double maxRatio = 0;
    int worst = -1;
    for (int i = 0; i < expectedWm2.length; i++) {
      double a = expectedWm2[i] * areaM2[i] / 1000.0;
      double b = actualWm2[i] * areaM2[i] / 1000.0;
      double diff = Math.abs(a - b);
      double ratio = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff / tolerance(a);
      if (!Double.isNaN(diff)) {
        maxDiff = Math.max(maxDiff, diff);
      }
      if (worst < 0 || ratio > maxRatio) {
        maxRatio = ratio;
        worst = i;
      }
    }
    if (worst < 0) {
      return new Report(0, 0, 0, -1, Double.NaN, Double.NaN);
    }
    return new Report(
        expectedWm2.length,
        maxDiff,
        maxRatio,
        worst,
        expectedWm2[worst] * areaM2[worst] / 1000.0,
        actualWm2[worst] * areaM2[worst] / 1000.0);
  }
}
