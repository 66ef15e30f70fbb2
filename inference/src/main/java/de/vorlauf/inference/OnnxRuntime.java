package de.vorlauf.inference;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * The process's one {@link OrtEnvironment} and the session options every model gets. One intra-op
 * thread: a 14-32-32-1 network is far too small to gain from a thread pool (the hand-off costs more
 * than the matrix products), and callers run in parallel themselves — the optimiser's one activity
 * per building, a request thread per call in the WAR.
 *
 * <p>ONNX Runtime 1.29 crashes the JVM (SIGSEGV, no hs_err file) while creating the environment
 * when the JVM's command line is longer than about 3–4 KB: start JVMs that predict with {@code java
 * -jar}, a classpath wildcard or Surefire's booter jar, never with a long {@code -cp}.
 */
final class OnnxRuntime {

  private static final OrtEnvironment ENVIRONMENT = OrtEnvironment.getEnvironment();

  private OnnxRuntime() {}

  static OrtEnvironment environment() {
    return ENVIRONMENT;
  }

  static OrtSession.SessionOptions options() throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    options.setInterOpNumThreads(1);
    options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
    options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    return options;
  }
}
