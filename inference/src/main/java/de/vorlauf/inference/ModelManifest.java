package de.vorlauf.inference;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What a gateway maker, the registry and {@link ModelSession} need to know about one exported model
 * besides its ONNX bytes: stored as {@code manifest.json} next to the graph (a training run's
 * artifact of that name, and a file of the registry's download bundle). {@link #toJson()} and
 * {@link #fromJson(byte[])} are the file format ({@link #FORMAT}).
 *
 * <p>The graph takes one float tensor {@code [batch, features.size()]} named {@link #input()}, raw
 * inputs in {@link #features()} order, and returns {@code [batch, 1]} named {@link #output()} in
 * the target's unit. The normalisation is part of the graph; the manifest repeats it so a reader
 * can see what the network was trained on (and check a feature's range) without parsing ONNX.
 *
 * @param model the model's name, e.g. {@code heat-demand}
 * @param version the registered version, null until the registry numbers it
 * @param features in input order, with unit and the graph's normalisation
 * @param target what the output is, with the normalisation the graph undoes
 * @param onnx the graph file's SHA-256 and size, checked on every load
 * @param trainingWindow the issue hours trained on, {@code [from, to)}
 * @param codeVersion the commit that trained it
 * @param source the experiment run and workflow that trained it
 */
public record ModelManifest(
    int format,
    String model,
    Integer version,
    String input,
    String output,
    List<Feature> features,
    Target target,
    OnnxFile onnx,
    Window trainingWindow,
    String codeVersion,
    Source source,
    Instant created) {

  /** The version of this file format; a reader refuses others. */
  public static final int FORMAT = 1;

  /**
   * @param mean subtracted first, as the graph's {@code Sub}
   * @param std divided by next, as the graph's {@code Div}
   */
  public record Feature(String name, String unit, double mean, double std) {
    public Feature {
      Objects.requireNonNull(name, "feature name");
      Objects.requireNonNull(unit, "feature unit");
    }
  }

  /** The graph multiplies its last layer by {@code std}, then adds {@code mean}. */
  public record Target(String name, String unit, double mean, double std) {
    public Target {
      Objects.requireNonNull(name, "target name");
      Objects.requireNonNull(unit, "target unit");
    }
  }

  /**
   * @param sha256 lower-case hex
   */
  public record OnnxFile(String sha256, long bytes) {
    public OnnxFile {
      Objects.requireNonNull(sha256, "sha256");
    }

    public static OnnxFile of(byte[] onnx) {
      return new OnnxFile(ModelManifest.sha256(onnx), onnx.length);
    }
  }

  public record Window(Instant from, Instant to) {}

  /**
   * @param experiment the experiment tracking's experiment
   * @param runId its run, null before the run is recorded
   * @param workflowId the training workflow, null outside one
   */
  public record Source(String experiment, Long runId, String workflowId) {}

  public ModelManifest {
    if (format != FORMAT) {
      throw new ModelException(
          ModelException.Reason.CORRUPT,
          "manifest format %d, this reader knows %d".formatted(format, FORMAT));
    }
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    features = List.copyOf(features);
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(onnx, "onnx");
    if (features.isEmpty()) {
      throw new ModelException(ModelException.Reason.CORRUPT, "a manifest without features");
    }
  }

  public List<String> featureNames() {
    return features.stream().map(Feature::name).toList();
  }

  public ModelManifest withVersion(int newVersion) {
    return registeredAs(new ModelKey(model, newVersion));
  }

  /**
   * This manifest as the registry hands it out: training writes it before the run is registered, so
   * it carries the trainer's model name and no version; a registered version's manifest names the
   * model and number it is registered as.
   */
  public ModelManifest registeredAs(ModelKey key) {
    return new ModelManifest(
        format,
        key.model(),
        key.version(),
        input,
        output,
        features,
        target,
        onnx,
        trainingWindow,
        codeVersion,
        source,
        created);
  }

  public ModelManifest withSource(Source newSource) {
    return new ModelManifest(
        format,
        model,
        version,
        input,
        output,
        features,
        target,
        onnx,
        trainingWindow,
        codeVersion,
        newSource,
        created);
  }

  /** This manifest for other graph bytes: the same description, their checksum. */
  public ModelManifest withChecksumOf(byte[] graph) {
    return new ModelManifest(
        format,
        model,
        version,
        input,
        output,
        features,
        target,
        OnnxFile.of(graph),
        trainingWindow,
        codeVersion,
        source,
        created);
  }

  public ModelManifest withFeatures(List<Feature> newFeatures) {
    return new ModelManifest(
        format,
        model,
        version,
        input,
        output,
        newFeatures,
        target,
        onnx,
        trainingWindow,
        codeVersion,
        source,
        created);
  }

  /** {@code manifest.json}: UTF-8, indented. */
  public byte[] toJson() {
    return ManifestJson.write(this);
  }

  /**
   * @throws ModelException {@link ModelException.Reason#CORRUPT} when it is not a manifest of
   *     {@link #FORMAT}
   */
  public static ModelManifest fromJson(byte[] json) {
    return ManifestJson.read(json);
  }

  /** SHA-256 as lower-case hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
