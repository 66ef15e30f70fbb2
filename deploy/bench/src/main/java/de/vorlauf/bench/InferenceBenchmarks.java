package de.vorlauf.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import de.vorlauf.inference.HoldoutSample;
import de.vorlauf.inference.ModelBundle;
import de.vorlauf.inference.ModelFiles;
import de.vorlauf.inference.ModelKey;
import de.vorlauf.inference.ModelSession;
import de.vorlauf.inference.ModelSessions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The inference module's calls on one model (system property {@code bench.model}: a bundle
 * directory or zip, e.g. the one the training benchmark writes), one thread: a single row through
 * the session cache as serving calls it, a single row on the session itself, and batches. Inputs
 * are the bundle's holdout sample rows, taken in turn. {@code batchOrtAlone} runs the same graph in
 * ONNX Runtime without the module (input already native, output left there): the part of a batch
 * that is ONNX Runtime's own. {@link InferenceBench} runs these and reads the percentiles.
 */
public class InferenceBenchmarks {

  /** The model, loaded once per fork, and its sample rows. */
  @State(Scope.Thread)
  public static class Model {
    ModelSessions sessions;
    ModelSession session;
    ModelKey key;
    byte[] onnx;
    float[][] rows;
    int next;

    @Setup(Level.Trial)
    public void load() {
      ModelBundle bundle = ModelBundle.read(Path.of(System.getProperty("bench.model")));
      HoldoutSample sample = bundle.holdoutSample();
      rows = new float[sample.size()][];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = new float[sample.inputs()[i].length];
        for (int c = 0; c < rows[i].length; c++) {
          rows[i][c] = (float) sample.inputs()[i][c];
        }
      }
      ModelFiles files = bundle.files();
      onnx = files.onnx();
      key = new ModelKey(files.manifest().model(), 1);
      ModelFiles registered = new ModelFiles(files.onnx(), files.manifest().withVersion(1));
      sessions = new ModelSessions(k -> registered, 4);
      sessions.predict(key, rows[0]);
      session = ModelSession.open(registered);
    }

    float[] nextRow() {
      next = next + 1 == rows.length ? 0 : next + 1;
      return rows[next];
    }

    @TearDown(Level.Trial)
    public void close() {
      session.close();
      sessions.close();
    }
  }

  /** {@code rows} sample rows repeated, flattened. */
  @State(Scope.Thread)
  public static class Batch {
    @Param({"100", "1000", "10000"})
    public int rows;

    float[] flat;
    OrtSession bare;
    OnnxTensor tensor;
    String input;

    @Setup(Level.Trial)
    public void fill(Model model) throws OrtException {
      int width = model.rows[0].length;
      flat = new float[rows * width];
      for (int i = 0; i < rows; i++) {
        System.arraycopy(model.rows[i % model.rows.length], 0, flat, i * width, width);
      }
      // the same graph and options without the module: what ONNX Runtime alone costs
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        bare = env.createSession(model.onnx, options);
      }
      FloatBuffer direct =
          ByteBuffer.allocateDirect(flat.length * Float.BYTES)
              .order(ByteOrder.nativeOrder())
              .asFloatBuffer();
      direct.put(flat).rewind();
      tensor = OnnxTensor.createTensor(env, direct, new long[] {rows, width});
      input = model.session.manifest().input();
    }

    @TearDown(Level.Trial)
    public void close() throws OrtException {
      tensor.close();
      bare.close();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public float singleRowThroughTheCache(Model model) {
    return model.sessions.predict(model.key, model.nextRow());
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public float singleRowOnTheSession(Model model) {
    return model.session.predict(model.nextRow());
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public float[] batch(Model model, Batch batch) {
    return model.session.predict(batch.flat, batch.rows);
  }

  /** ONNX Runtime's run alone: input already in a native tensor, output not copied out. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public long batchOrtAlone(Batch batch) throws OrtException {
    try (OrtSession.Result result = batch.bare.run(Map.of(batch.input, batch.tensor))) {
      return result.size();
    }
  }
}
