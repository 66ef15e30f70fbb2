package de.vorlauf.inference;

/**
 * A model that cannot be served as it is: never a prediction. {@link #reason()} says which of the
 * refusals it is, the message names the model and what did not match.
 */
public final class ModelException extends RuntimeException {

  /** Why a model was refused. */
  public enum Reason {
    /** The source has no such model version, or a bundle lacks one of its files. */
    MISSING,
    /** The bytes are not a graph ONNX Runtime can load, or a manifest or sample cannot be read. */
    CORRUPT,
    /** The ONNX file's SHA-256 or size is not the manifest's. */
    CHECKSUM,
    /** The graph's inputs, outputs or feature order are not the manifest's, or a row's width. */
    MISMATCH,
    /** The graph computed NaN or an infinity. */
    NON_FINITE
  }

  private final Reason reason;

  public ModelException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ModelException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
