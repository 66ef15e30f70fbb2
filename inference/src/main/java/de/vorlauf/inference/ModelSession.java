package de.vorlauf.inference;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One model version in ONNX Runtime: checked against its manifest, warmed, thread-safe. {@link
 * #open} refuses a graph whose bytes are not the manifest's checksum, that ONNX Runtime cannot
 * load, whose input or output is not the manifest's (name, float, {@code [batch, features]} /
 * {@code [batch, 1]}), whose feature order (the graph's {@code features} metadata, written by the
 * exporter) is not the manifest's, or that computes a non-finite value for the features' means.
 * Every prediction is checked for finiteness too: a {@link ModelException}, never a wrong number.
 *
 * <p><b>Lifetime.</b> A session counts its users: the owner holds one reference from {@link #open}
 * and gives it up with {@link #close}; each call through {@link ModelSessions} holds one more for
 * its duration. ONNX Runtime's session is closed when the last reference goes, so evicting a model
 * that another thread is predicting with waits for that prediction, never breaks it.
 */
public final class ModelSession implements AutoCloseable {

  /** Rows per {@code run} call of a batch: bounds the native tensors of a large batch. */
  static final int CHUNK_ROWS = 16_384;

  /** The graph metadata key the exporter writes the comma-separated feature order to. */
  public static final String FEATURES_METADATA = "features";

  private final ModelManifest manifest;
  private final OrtSession session;
  private final int width;
  private final AtomicInteger references = new AtomicInteger(1);
  private final AtomicBoolean ownerReleased = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  private ModelSession(ModelManifest manifest, OrtSession session) {
    this.manifest = manifest;
    this.session = session;
    this.width = manifest.features().size();
  }

  /** Checks {@code files} and opens a warmed session; the caller owns it and must close it. */
  public static ModelSession open(ModelFiles files) {
    ModelManifest manifest = files.manifest();
    byte[] onnx = files.onnx();
    String name = describe(manifest);
    String sha = ModelManifest.sha256(onnx);
    if (onnx.length != manifest.onnx().bytes() || !sha.equals(manifest.onnx().sha256())) {
      throw new ModelException(
          ModelException.Reason.CHECKSUM,
          "%s: the ONNX file is %d bytes with SHA-256 %s, the manifest says %d bytes with %s"
              .formatted(
                  name, onnx.length, sha, manifest.onnx().bytes(), manifest.onnx().sha256()));
    }
    OrtSession session;
    try (OrtSession.SessionOptions options = OnnxRuntime.options()) {
      session = OnnxRuntime.environment().createSession(onnx, options);
    } catch (OrtException e) {
      throw new ModelException(
          ModelException.Reason.CORRUPT,
          name + ": ONNX Runtime cannot load the graph: " + e.getMessage(),
          e);
    }
    ModelSession opened = new ModelSession(manifest, session);
    try {
      opened.checkSignature();
      float[] means = new float[opened.width];
      for (int c = 0; c < means.length; c++) {
        means[c] = (float) manifest.features().get(c).mean();
      }
      opened.predict(means);
      return opened;
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
  }

  public ModelManifest manifest() {
    return manifest;
  }

  /** Features per row. */
  public int width() {
    return width;
  }

  /** One row of raw inputs in the manifest's feature order; the prediction in the target's unit. */
  public float predict(float[] row) {
    if (row.length != width) {
      throw widthMismatch(row.length);
    }
    return run(FloatBuffer.wrap(row), 1)[0];
  }

  /**
   * {@code rows} raw input rows, flattened row by row ({@code rows × width()} values); one
   * prediction per row.
   */
  public float[] predict(float[] flat, int rows) {
    if (flat.length != rows * width) {
      throw new ModelException(
          ModelException.Reason.MISMATCH,
          "%s: %d values are not %d rows of %d features"
              .formatted(describe(manifest), flat.length, rows, width));
    }
    if (rows <= CHUNK_ROWS) {
      return run(FloatBuffer.wrap(flat), rows);
    }
    float[] out = new float[rows];
    for (int from = 0; from < rows; from += CHUNK_ROWS) {
      int n = Math.min(CHUNK_ROWS, rows - from);
      float[] part = run(FloatBuffer.wrap(flat, from * width, n * width).slice(), n);
      System.arraycopy(part, 0, out, from, n);
    }
    return out;
  }

  /** Rows of raw inputs as doubles (narrowed to float, as the graph computes). */
  public float[] predict(double[][] rows) {
    float[] flat = new float[rows.length * width];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != width) {
        throw widthMismatch(rows[i].length);
      }
      for (int c = 0; c < width; c++) {
        flat[i * width + c] = (float) rows[i][c];
      }
    }
    return predict(flat, rows.length);
  }

  private float[] run(FloatBuffer input, int rows) {
    try (OnnxTensor tensor =
            OnnxTensor.createTensor(OnnxRuntime.environment(), input, new long[] {rows, width});
        OrtSession.Result result = session.run(Map.of(manifest.input(), tensor))) {
      FloatBuffer values = ((OnnxTensor) result.get(0)).getFloatBuffer();
      float[] out = new float[rows];
      values.get(out);
      for (int i = 0; i < rows; i++) {
        if (!Float.isFinite(out[i])) {
          throw new ModelException(
              ModelException.Reason.NON_FINITE,
              "%s computed %s for row %d of %d".formatted(describe(manifest), out[i], i, rows));
        }
      }
      return out;
    } catch (OrtException e) {
      throw new ModelException(
          ModelException.Reason.CORRUPT,
          describe(manifest) + ": ONNX Runtime failed to run the graph: " + e.getMessage(),
          e);
    }
  }

  private void checkSignature() {
    String name = describe(manifest);
    try {
      Map<String, NodeInfo> inputs = session.getInputInfo();
      Map<String, NodeInfo> outputs = session.getOutputInfo();
      if (inputs.size() != 1 || !inputs.containsKey(manifest.input())) {
        throw mismatch("inputs %s, the manifest names one, %s", inputs.keySet(), manifest.input());
      }
      if (outputs.size() != 1 || !outputs.containsKey(manifest.output())) {
        throw mismatch(
            "outputs %s, the manifest names one, %s", outputs.keySet(), manifest.output());
      }
      checkShape(inputs.get(manifest.input()), width, "input");
      checkShape(outputs.get(manifest.output()), 1, "output");
      String order = session.getMetadata().getCustomMetadata().get(FEATURES_METADATA);
      String expected = String.join(",", manifest.featureNames());
      if (!expected.equals(order)) {
        throw mismatch("feature order [%s], the manifest's is [%s]", order, expected);
      }
    } catch (OrtException e) {
      throw new ModelException(
          ModelException.Reason.CORRUPT, name + ": cannot read the graph's signature", e);
    }
  }

  private void checkShape(NodeInfo node, int columns, String role) {
    if (!(node.getInfo() instanceof TensorInfo info)
        || info.type != OnnxJavaType.FLOAT
        || info.getShape().length != 2
        || info.getShape()[1] != columns) {
      throw mismatch(
          "%s %s is %s, the manifest needs float [batch, %d]",
          role, node.getName(), node.getInfo(), columns);
    }
  }

  private ModelException mismatch(String format, Object... args) {
    return new ModelException(
        ModelException.Reason.MISMATCH,
        describe(manifest) + ": the graph has " + format.formatted(args));
  }

  private ModelException widthMismatch(int got) {
    return new ModelException(
        ModelException.Reason.MISMATCH,
        "%s takes rows of %d features %s, got %d values"
            .formatted(
                describe(manifest),
                width,
                Arrays.toString(manifest.featureNames().toArray()),
                got));
  }

  static String describe(ModelManifest manifest) {
    return manifest.version() == null
        ? manifest.model() + " (unregistered)"
        : manifest.model() + " v" + manifest.version();
  }

  /** One more user; false once the session is closed (the caller must look the model up again). */
  boolean acquire() {
    while (true) {
      int count = references.get();
      if (count == 0) {
        return false;
      }
      if (references.compareAndSet(count, count + 1)) {
        return true;
      }
    }
  }

  void release() {
    if (references.decrementAndGet() == 0 && closed.compareAndSet(false, true)) {
      try {
        session.close();
      } catch (OrtException e) {
        throw new IllegalStateException(describe(manifest) + ": closing the session failed", e);
      }
    }
  }

  /** True once ONNX Runtime's session is closed (the last reference went). */
  public boolean isClosed() {
    return closed.get();
  }

  /** Gives up the owner's reference: the session closes now, or after the last running call. */
  @Override
  public void close() {
    if (ownerReleased.compareAndSet(false, true)) {
      release();
    }
  }
}
