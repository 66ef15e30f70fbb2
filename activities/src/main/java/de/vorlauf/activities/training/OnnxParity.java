package de.vorlauf.activities.training;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * Checks an exported graph against the network it came from: ONNX Runtime's prediction b and DL4J's
 * a, both in kW (W/m² × the row's area / 1000), must agree within {@code 1e-5 · max(|a|, 10 kW)} on
 * every row, or the export fails with the worst row named.
 */
public final class OnnxParity {

  /** Relative tolerance. */
  public static final double RELATIVE = 1e-5;

  /** Below this |a| the tolerance stops shrinking, kW. */
  public static final double FLOOR_KW = 10.0;

  /**
   * @param rows rows compared
   * @param maxAbsDiffKw largest |a − b|
   * @param maxRatio largest |a − b| / tolerance of its row (≤ 1 passes)
   */
  public record Report(int rows, double maxAbsDiffKw, double maxRatio) {}

  /** The graph does not reproduce the network. */
  public static final class ParityException extends RuntimeException {
    ParityException(String message) {
      super(message);
    }
  }

  private OnnxParity() {}

  /**
   * @param x raw input rows ({@code DemandFeature} order)
   * @param dl4jWm2 DL4J's predictions for them, W/m²
   * @param areaM2 each row's building area
   */
  public static Report check(byte[] onnx, double[][] x, float[] dl4jWm2, double[] areaM2) {
    float[] ort = predict(onnx, x);
    double maxDiff = 0;
    double maxRatio = 0;
    int worst = -1;
    for (int i = 0; i < x.length; i++) {
      double a = dl4jWm2[i] * areaM2[i] / 1000.0;
      double b = ort[i] * areaM2[i] / 1000.0;
      double diff = Math.abs(a - b);
      double ratio = diff / (RELATIVE * Math.max(Math.abs(a), FLOOR_KW));
      if (Double.isNaN(diff)) {
        ratio = Double.POSITIVE_INFINITY;
      }
      maxDiff = Math.max(maxDiff, diff);
      if (ratio > maxRatio || worst < 0) {
        maxRatio = Math.max(maxRatio, ratio);
        worst = i;
      }
    }
    if (maxRatio > 1) {
      double a = dl4jWm2[worst] * areaM2[worst] / 1000.0;
      double b = ort[worst] * areaM2[worst] / 1000.0;
      throw new ParityException(
          "ONNX Runtime disagrees with DL4J on row %d of %d: %.6f kW vs %.6f kW, |a − b| %.3g kW > %.3g kW"
              .formatted(
                  worst,
                  x.length,
                  a,
                  b,
                  Math.abs(a - b),
                  RELATIVE * Math.max(Math.abs(a), FLOOR_KW)));
    }
    return new Report(x.length, maxDiff, maxRatio);
  }

  /** ONNX Runtime's predictions (W/m²) for raw rows, one thread, batches of 4,096 rows. */
  public static float[] predict(byte[] onnx, double[][] x) {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      try (OrtSession session = env.createSession(onnx, options)) {
        int columns = x.length == 0 ? 0 : x[0].length;
        float[] out = new float[x.length];
        for (int from = 0; from < x.length; from += 4096) {
          int n = Math.min(4096, x.length - from);
          float[] flat = new float[n * columns];
          for (int i = 0; i < n; i++) {
            for (int c = 0; c < columns; c++) {
              flat[i * columns + c] = (float) x[from + i][c];
            }
          }
          try (OnnxTensor input =
                  OnnxTensor.createTensor(env, FloatBuffer.wrap(flat), new long[] {n, columns});
              OrtSession.Result result = session.run(Map.of(OnnxExporter.INPUT, input))) {
            float[][] values = (float[][]) result.get(0).getValue();
            for (int i = 0; i < n; i++) {
              out[from + i] = values[i][0];
            }
          }
        }
        return out;
      }
    } catch (OrtException e) {
      throw new ParityException("ONNX Runtime cannot run the exported graph: " + e.getMessage());
    }
  }
}
