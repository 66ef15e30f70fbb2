package de.vorlauf.inference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A model as it is shipped to a gateway: a directory or a zip file ({@code bundle.zip} of the
 * registry's download) holding one {@code *.onnx} graph, {@value #MANIFEST} and, for verification,
 * {@value #HOLDOUT_SAMPLE}. A zip entry counts by its file name, whatever folder it is in.
 *
 * @param holdoutSample null when the bundle has none
 */
public record ModelBundle(ModelFiles files, HoldoutSample holdoutSample) {

  /** The manifest's file name, in a bundle and as a training run's artifact. */
  public static final String MANIFEST = "manifest.json";

  /** The holdout sample's file name, in a bundle and as a training run's artifact. */
  public static final String HOLDOUT_SAMPLE = "holdout-sample.csv";

  /** Files larger than this are not read: no graph of ours is near it. */
  private static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

  /**
   * @throws ModelException {@link ModelException.Reason#MISSING} when the path, the graph or the
   *     manifest is missing, {@link ModelException.Reason#CORRUPT} when one cannot be read
   */
  public static ModelBundle read(Path path) {
    Map<String, byte[]> files;
    try {
      if (Files.isDirectory(path)) {
        files = directory(path);
      } else if (Files.isRegularFile(path)) {
        files = zip(path);
      } else {
        throw new ModelException(ModelException.Reason.MISSING, path + " does not exist");
      }
    } catch (IOException e) {
      throw new ModelException(
          ModelException.Reason.CORRUPT, path + " cannot be read: " + e.getMessage(), e);
    }
    List<String> graphs = files.keySet().stream().filter(n -> n.endsWith(".onnx")).toList();
    if (graphs.size() != 1) {
      throw new ModelException(
          ModelException.Reason.MISSING,
          "%s holds %d .onnx files %s, a bundle holds one".formatted(path, graphs.size(), graphs));
    }
    byte[] manifest = files.get(MANIFEST);
    if (manifest == null) {
      throw new ModelException(ModelException.Reason.MISSING, path + " holds no " + MANIFEST);
    }
    byte[] sample = files.get(HOLDOUT_SAMPLE);
    return new ModelBundle(
        new ModelFiles(files.get(graphs.get(0)), ModelManifest.fromJson(manifest)),
        sample == null ? null : HoldoutSample.fromCsv(sample));
  }

  private static Map<String, byte[]> directory(Path dir) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path file : list.filter(Files::isRegularFile).sorted().toList()) {
        String name = file.getFileName().toString();
        if (wanted(name)) {
          if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException(file + " is larger than " + MAX_FILE_BYTES + " bytes");
          }
          files.put(name, Files.readAllBytes(file));
        }
      }
    }
    return files;
  }

  private static Map<String, byte[]> zip(Path file) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(file);
        ZipInputStream zip = new ZipInputStream(in)) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
        if (!entry.isDirectory() && wanted(name)) {
          byte[] bytes = zip.readNBytes((int) MAX_FILE_BYTES + 1);
          if (bytes.length > MAX_FILE_BYTES) {
            throw new IOException(entry.getName() + " is larger than " + MAX_FILE_BYTES + " bytes");
          }
          if (files.put(name, bytes) != null) {
            throw new IOException("two entries named " + name);
          }
        }
      }
    }
    if (files.isEmpty()) {
      throw new IOException("not a zip file with a model (no .onnx, " + MANIFEST + ")");
    }
    return files;
  }

  private static boolean wanted(String name) {
    return name.endsWith(".onnx") || name.equals(MANIFEST) || name.equals(HOLDOUT_SAMPLE);
  }
}
