package de.vorlauf.activities.training;

import de.vorlauf.inference.ModelException;
import de.vorlauf.inference.ModelFiles;
import de.vorlauf.inference.ModelManifest;
import de.vorlauf.inference.ModelSession;
import de.vorlauf.inference.ParityCheck;

/**
 * Checks an exported graph against the network it came from, through the inference module's session
 * (the one ONNX Runtime code path of Vorlauf: the same checks of checksum, signature and feature
 * order as serving): ONNX Runtime's prediction b and DL4J's a, both in kW, must agree within {@link
 * ParityCheck}'s tolerance on every row, or the export fails with the worst row named.
 */
public final class OnnxParity {

  /** The graph does not reproduce the network, or does not match its manifest. */
  public static final class ParityException extends RuntimeException {
    ParityException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private OnnxParity() {}

  /**
   * @param manifest the graph's manifest (its checksum is checked)
   * @param x raw input rows (the manifest's feature order)
   * @param dl4jWm2 DL4J's predictions for them, W/m²
   * @param areaM2 each row's building area
   */
  public static ParityCheck.Report check(
      byte[] onnx, ModelManifest manifest, double[][] x, float[] dl4jWm2, double[] areaM2) {
    ParityCheck.Report report = ParityCheck.compare(dl4jWm2, predict(onnx, manifest, x), areaM2);
    if (!report.passed()) {
      throw new ParityException("ONNX Runtime disagrees with DL4J on " + report.worst(), null);
    }
    return report;
  }

  /** ONNX Runtime's predictions (W/m²) for raw rows. */
  public static float[] predict(byte[] onnx, ModelManifest manifest, double[][] x) {
    try (ModelSession session = ModelSession.open(new ModelFiles(onnx, manifest))) {
      return session.predict(x);
    } catch (ModelException e) {
      throw new ParityException(
          "the exported graph fails in ONNX Runtime (" + e.reason() + "): " + e.getMessage(), e);
    }
  }
}
