package de.vorlauf.inference;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A seeded sample of a training run's holdout rows with the trained network's own predictions: what
 * the verification command reproduces from the ONNX file. Stored as {@code holdout-sample.csv}: a
 * header of the feature names in the manifest's order, then {@value #AREA_COLUMN} and {@value
 * #EXPECTED_COLUMN}; one row per sample, numbers written so that they read back to the same double
 * (inputs) and float (the prediction).
 *
 * @param features the feature names, in the manifest's order
 * @param inputs raw inputs, one row per sample
 * @param areaM2 each row's building area: the tolerance is in kW
 * @param expectedWm2 the trained network's prediction (DL4J), W/m²
 */
public record HoldoutSample(
    List<String> features, double[][] inputs, double[] areaM2, float[] expectedWm2) {

  public static final String AREA_COLUMN = "area_m2";
  public static final String EXPECTED_COLUMN = "expected_w_m2";

  public HoldoutSample {
    features = List.copyOf(features);
    if (inputs.length != areaM2.length || inputs.length != expectedWm2.length) {
      throw new IllegalArgumentException("inputs, areas and predictions differ in length");
    }
  }

  public int size() {
    return inputs.length;
  }

  public byte[] toCsv() {
    StringBuilder csv = new StringBuilder(String.join(",", features));
    csv.append(',').append(AREA_COLUMN).append(',').append(EXPECTED_COLUMN).append('\n');
    for (int i = 0; i < inputs.length; i++) {
      for (double x : inputs[i]) {
        csv.append(x).append(',');
      }
      csv.append(areaM2[i]).append(',').append(expectedWm2[i]).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * @throws ModelException {@link ModelException.Reason#CORRUPT} for a file that is not a sample
   */
  public static HoldoutSample fromCsv(byte[] bytes) {
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
    if (lines.length == 0 || lines[0].isBlank()) {
      throw corrupt("it is empty");
    }
    List<String> header = Arrays.asList(lines[0].split(",", -1));
    int width = header.size() - 2;
    if (width < 1
        || !header.get(width).equals(AREA_COLUMN)
        || !header.get(width + 1).equals(EXPECTED_COLUMN)) {
      throw corrupt("the header does not end with " + AREA_COLUMN + "," + EXPECTED_COLUMN);
    }
    List<double[]> inputs = new ArrayList<>();
    List<Double> areas = new ArrayList<>();
    List<Float> expected = new ArrayList<>();
    for (int line = 1; line < lines.length; line++) {
      if (lines[line].isBlank()) {
        continue;
      }
      String[] cells = lines[line].split(",", -1);
      if (cells.length != header.size()) {
        throw corrupt("line %d has %d cells, not %d".formatted(line + 1, cells.length, width + 2));
      }
      try {
        double[] row = new double[width];
        for (int c = 0; c < width; c++) {
          row[c] = Double.parseDouble(cells[c]);
        }
        inputs.add(row);
        areas.add(Double.parseDouble(cells[width]));
        expected.add(Float.parseFloat(cells[width + 1]));
      } catch (NumberFormatException e) {
        throw corrupt("line %d: %s".formatted(line + 1, e.getMessage()));
      }
    }
    float[] predictions = new float[expected.size()];
    for (int i = 0; i < predictions.length; i++) {
      predictions[i] = expected.get(i);
    }
    return new HoldoutSample(
        header.subList(0, width),
        inputs.toArray(double[][]::new),
        areas.stream().mapToDouble(Double::doubleValue).toArray(),
        predictions);
  }

  private static ModelException corrupt(String why) {
    return new ModelException(
        ModelException.Reason.CORRUPT, "holdout-sample.csv cannot be read: " + why);
  }
}
