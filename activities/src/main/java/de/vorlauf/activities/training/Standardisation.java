package de.vorlauf.activities.training;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * The input and target normalisation of the MLP, fitted on the training part only: z = (x − mean) /
 * std per input column, the target likewise. Applied in float arithmetic, operation by operation as
 * the exported ONNX graph does (Sub, Div; Mul, Add), so DL4J's and ONNX Runtime's predictions
 * differ only by the matrix products' rounding.
 *
 * @param std per column; a column that does not vary in training gets 1 (it then only shifts)
 */
public record Standardisation(float[] mean, float[] std, float targetMean, float targetStd) {

  /** Fits on {@code x} (rows × columns) and {@code y}. */
  public static Standardisation fit(double[][] x, double[] y) {
    int columns = x[0].length;
    float[] mean = new float[columns];
    float[] std = new float[columns];
    for (int c = 0; c < columns; c++) {
      double[] column = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        column[i] = x[i][c];
      }
      double[] moments = moments(column);
      mean[c] = (float) moments[0];
      std[c] = (float) moments[1];
    }
    double[] target = moments(y);
    return new Standardisation(mean, std, (float) target[0], (float) target[1]);
  }

  /** The normalised rows, flattened row by row, as the network's float input. */
  public float[] normalise(double[][] x) {
    int columns = mean.length;
    float[] out = new float[x.length * columns];
    for (int i = 0; i < x.length; i++) {
      for (int c = 0; c < columns; c++) {
        out[i * columns + c] = ((float) x[i][c] - mean[c]) / std[c];
      }
    }
    return out;
  }

  public float normaliseTarget(double y) {
    return ((float) y - targetMean) / targetStd;
  }

  public float denormaliseTarget(float z) {
    return z * targetStd + targetMean;
  }

  private static double[] moments(double[] values) {
    StandardDeviation sd = new StandardDeviation(false);
    double mean = StatUtils.mean(values);
    double std = sd.evaluate(values, mean);
    return new double[] {mean, std > 1e-9 ? std : 1.0};
  }
}
