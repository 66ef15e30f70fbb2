package de.vorlauf.inference;

import java.util.Objects;

/** An ONNX graph with the manifest that describes it, as a {@link ModelSource} hands them over. */
public record ModelFiles(byte[] onnx, ModelManifest manifest) {

  public ModelFiles {
    Objects.requireNonNull(onnx, "onnx");
    Objects.requireNonNull(manifest, "manifest");
  }
}
