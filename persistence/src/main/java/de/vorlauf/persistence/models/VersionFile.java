package de.vorlauf.persistence.models;

import java.util.Arrays;
import java.util.Optional;

/**
 * The files of a version a gateway maker downloads (the edge export), each served from the source
 * run's artifact of that name, whose checksum is verified on every read.
 */
public enum VersionFile {
  /** the network; every registered version has it (registration refuses a run without) */
  MODEL("model.onnx", "model/heat-demand.onnx", "application/octet-stream"),
  /** feature order, units, normalisation, checksum: logged by training runs since issue 21 */
  MANIFEST("manifest.json", "manifest.json", "application/json"),
  /** inputs and expected outputs to verify a deployment with: since issue 21 too */
  HOLDOUT_SAMPLE("holdout-sample.csv", "holdout-sample.csv", "text/csv");

  private final String file;
  private final String artifact;
  private final String mediaType;

  VersionFile(String file, String artifact, String mediaType) {
    this.file = file;
    this.artifact = artifact;
    this.mediaType = mediaType;
  }

  /** The name in the download's URL and in the bundle. */
  public String file() {
    return file;
  }

  /** The source run's artifact it is served from. */
  public String artifact() {
    return artifact;
  }

  public String mediaType() {
    return mediaType;
  }

  public static Optional<VersionFile> ofFile(String file) {
    return Arrays.stream(values()).filter(f -> f.file.equals(file)).findFirst();
  }
}
