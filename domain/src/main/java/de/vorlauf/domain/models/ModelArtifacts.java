package de.vorlauf.domain.models;

import java.util.Objects;

/**
 * A registered version's files as the registry stores them: the ONNX graph and its manifest (JSON),
 * checksums already verified.
 */
public record ModelArtifacts(byte[] graph, byte[] manifest) {

  public ModelArtifacts {
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(manifest, "manifest");
  }

  /**
   * A version whose files cannot be served: not registered, never stored, purged ({@code corrupted}
   * false), or bytes that do not match their recorded checksum ({@code corrupted} true).
   */
  public static final class UnavailableException extends RuntimeException {

    private final boolean corrupted;

    public UnavailableException(boolean corrupted, String message, Throwable cause) {
      super(message, cause);
      this.corrupted = corrupted;
    }

    public boolean corrupted() {
      return corrupted;
    }
  }
}
