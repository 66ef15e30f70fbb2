package de.vorlauf.inference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a gateway maker runs before deploying a model: loads the bundle's graph and manifest through
 * the same checks as the platform's sessions ({@link ModelSession#open}) and reproduces its holdout
 * sample's predictions within {@link ParityCheck}'s tolerance. The report is lines a person reads;
 * {@link Result#passed()} decides the exit code of {@link VerifyModel}.
 */
public final class ModelVerification {

  /**
   * @param lines the report, in the order the checks ran
   */
  public record Result(boolean passed, List<String> lines) {
    public Result {
      lines = List.copyOf(lines);
    }
  }

  private ModelVerification() {}

  public static Result verify(Path bundlePath) {
    List<String> lines = new ArrayList<>();
    lines.add("bundle: " + bundlePath.toAbsolutePath());
    ModelBundle bundle;
    try {
      bundle = ModelBundle.read(bundlePath);
    } catch (ModelException e) {
      return failed(lines, e);
    }
    ModelManifest m = bundle.files().manifest();
    lines.add(
        "model: %s, %d features, target %s (%s)"
            .formatted(
                ModelSession.describe(m),
                m.features().size(),
                m.target().name(),
                m.target().unit()));
    if (m.trainingWindow() != null) {
      lines.add(
          "trained on [%s, %s), code %s"
              .formatted(m.trainingWindow().from(), m.trainingWindow().to(), m.codeVersion()));
    }
    HoldoutSample sample = bundle.holdoutSample();
    if (sample == null) {
      lines.add("FAIL: no " + ModelBundle.HOLDOUT_SAMPLE + ", nothing to reproduce");
      return new Result(false, lines);
    }
    if (!sample.features().equals(m.featureNames())) {
      lines.add(
          "FAIL: the sample's columns %s are not the manifest's features %s"
              .formatted(sample.features(), m.featureNames()));
      return new Result(false, lines);
    }
    try (ModelSession session = ModelSession.open(bundle.files())) {
      lines.add(
          "ONNX file: %d bytes, SHA-256 %s matches the manifest; inputs, output and feature order"
                  .formatted(m.onnx().bytes(), m.onnx().sha256())
              + " match");
      float[] actual = session.predict(sample.inputs());
      ParityCheck.Report report =
          ParityCheck.compare(sample.expectedWm2(), actual, sample.areaM2());
      lines.add(
          "holdout sample: %d rows, max |a − b| %.3g kW, worst ratio to tolerance %.3g"
                  .formatted(report.rows(), report.maxAbsDiffKw(), report.maxRatio())
              + " (tolerance per row 1e-5 · max(|a|, 10 kW))");
      if (report.rows() == 0) {
        lines.add("FAIL: the holdout sample has no rows");
        return new Result(false, lines);
      }
      if (!report.passed()) {
        lines.add("FAIL: predictions differ from the training run's, " + report.worst());
        return new Result(false, lines);
      }
      lines.add("PASS: the model reproduces the training run's predictions");
      return new Result(true, lines);
    } catch (ModelException e) {
      return failed(lines, e);
    }
  }

  private static Result failed(List<String> lines, ModelException e) {
    lines.add("FAIL (%s): %s".formatted(e.reason(), e.getMessage()));
    return new Result(false, lines);
  }
}
