package de.vorlauf.webadmin.models;

import de.vorlauf.domain.models.Alias;
import de.vorlauf.domain.models.Authority;
import de.vorlauf.inference.ModelKey;
import de.vorlauf.inference.ModelManifest;
import de.vorlauf.persistence.experiments.Artifact;
import de.vorlauf.persistence.experiments.ArtifactInfo;
import de.vorlauf.persistence.experiments.Checksums;
import de.vorlauf.persistence.experiments.ExperimentQueries;
import de.vorlauf.persistence.experiments.RunDetail;
import de.vorlauf.persistence.experiments.UnknownRunException;
import de.vorlauf.persistence.models.ChangeRequest;
import de.vorlauf.persistence.models.ModelCatalog;
import de.vorlauf.persistence.models.ModelRegistry;
import de.vorlauf.persistence.models.ModelVersion;
import de.vorlauf.persistence.models.Registration;
import de.vorlauf.persistence.models.VersionFile;
import de.vorlauf.webadmin.common.InvalidInputException;
import de.vorlauf.webadmin.common.UnknownEntityException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The model registry for its pages and API: models, versions with their files, the change log,
 * registering a run by hand, moving aliases (through the registry's rules, see {@code ModelRules})
 * and the edge export's downloads, whose checksums are verified on every read.
 */
@ApplicationScoped
public class ModelService {

  static final int LOG_LINES = 500;

  @Inject ModelCatalog catalog;
  @Inject ModelRegistry registry;
  @Inject ExperimentQueries experiments;

  public List<ModelDto> models() throws SQLException {
    return catalog.models().stream().map(ModelDto::of).toList();
  }

  public ModelDetailDto model(String name) throws SQLException {
    ModelDto model = catalog.model(name).map(ModelDto::of).orElseThrow(() -> unknownModel(name));
    List<ModelVersionDto> versions = new ArrayList<>();
    for (ModelVersion v : catalog.versions(name)) {
      versions.add(dto(v));
    }
    return new ModelDetailDto(model, versions, log(name, null));
  }

  public ModelVersionDto version(String name, String ref) throws SQLException {
    return dto(resolve(name, ref));
  }

  public List<LogEntryDto> log(String name, Integer version) throws SQLException {
    return catalog.log(name, version, LOG_LINES).stream().map(LogEntryDto::of).toList();
  }

  /** Registers a finished run by hand; the same run again answers its existing version. */
  public Registration register(String name, long runId, String description, ChangeRequest why)
      throws SQLException {
    if (!name.matches("[a-z0-9][a-z0-9._-]{0,99}")) {
      throw new InvalidInputException(
          "name", "a model name is lower-case letters, digits, '.', '_' or '-', up to 100");
    }
    try {
      return registry.register(name, runId, description, Map.of("source", "manual"), why);
    } catch (UnknownRunException e) {
      throw new InvalidInputException("runId", e.getMessage());
    }
  }

  /** Gives the alias to a version, or takes it away ({@code version} null). */
  public ModelDetailDto moveAlias(
      String name, String aliasLabel, Integer version, ChangeRequest why) throws SQLException {
    Alias alias =
        Alias.parse(aliasLabel)
            .orElseThrow(
                () -> new UnknownEntityException("alias", aliasLabel + "' of model '" + name));
    if (version == null) {
      registry.clearAlias(name, alias, Authority.MANUAL_BEFORE_PROMOTION, why);
    } else {
      registry.setAlias(name, alias, version, Authority.MANUAL_BEFORE_PROMOTION, why);
    }
    return model(name);
  }

  /** Sets a version that holds no alias aside (Archived). */
  public ModelDetailDto archive(String name, int version, ChangeRequest why) throws SQLException {
    registry.archive(name, version, why);
    return model(name);
  }

  /** One file of the edge export, checksum verified. */
  public Artifact file(String name, String ref, String file) throws SQLException {
    ModelVersion version = resolve(name, ref);
    VersionFile kind =
        VersionFile.ofFile(file)
            .orElseThrow(
                () ->
                    new UnknownEntityException(
                        "file",
                        file
                            + "' of a model version (there are "
                            + List.of(VersionFile.values()).stream()
                                .map(VersionFile::file)
                                .collect(Collectors.joining(", "))
                            + ") '"));
    return served(
        version,
        kind,
        experiments
            .artifact(version.runId(), kind.artifact())
            .orElseThrow(() -> missing(version, kind)));
  }

  /**
   * A file as the edge export serves it: the manifest, written by training before the run was
   * registered, names the model and number this version is registered as; the rest as stored.
   */
  private static Artifact served(ModelVersion version, VersionFile kind, Artifact stored) {
    if (kind != VersionFile.MANIFEST) {
      return stored;
    }
    byte[] stamped =
        ModelManifest.fromJson(stored.content())
            .registeredAs(new ModelKey(version.model(), version.version()))
            .toJson();
    ArtifactInfo info = stored.info();
    return new Artifact(
        new ArtifactInfo(
            info.runId(),
            info.name(),
            info.mediaType(),
            stamped.length,
            Checksums.sha256(stamped),
            info.storedAt(),
            info.purgedAt()),
        stamped);
  }

  /** A zip of the files the version has, each verified, with their SHA-256 in SHA256SUMS. */
  public byte[] bundle(String name, String ref) throws SQLException {
    ModelVersion version = resolve(name, ref);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringBuilder sums = new StringBuilder();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (VersionFile kind : VersionFile.values()) {
        Optional<Artifact> artifact = experiments.artifact(version.runId(), kind.artifact());
        if (artifact.isEmpty()) {
          continue;
        }
        byte[] content = served(version, kind, artifact.get()).content();
        zip.putNextEntry(new ZipEntry(kind.file()));
        zip.write(content);
        zip.closeEntry();
        sums.append(Checksums.sha256(content)).append("  ").append(kind.file()).append('\n');
      }
      zip.putNextEntry(new ZipEntry("SHA256SUMS"));
      zip.write(sums.toString().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private ModelVersion resolve(String name, String ref) throws SQLException {
    return catalog
        .resolve(name, ref)
        .orElseThrow(
            () ->
                new UnknownEntityException(
                    "version",
                    ref + "' of model '" + name + "' (a number, champion or challenger)"));
  }

  private ModelVersionDto dto(ModelVersion v) throws SQLException {
    Map<String, ArtifactInfo> artifacts =
        experiments.run(v.runId()).map(RunDetail::artifacts).orElse(List.of()).stream()
            .collect(Collectors.toMap(ArtifactInfo::name, Function.identity()));
    List<ModelVersionDto.FileDto> files = new ArrayList<>();
    for (VersionFile kind : VersionFile.values()) {
      ArtifactInfo info = artifacts.get(kind.artifact());
      boolean available = info != null && info.available();
      // the manifest is stamped on download (served): its stored size and checksum are not those
      boolean asStored = info != null && kind != VersionFile.MANIFEST;
      files.add(
          new ModelVersionDto.FileDto(
              kind.file(),
              available,
              asStored ? info.sizeBytes() : null,
              asStored ? info.sha256() : null,
              ModelLinks.file(v.model(), v.version(), kind.file())));
    }
    return ModelVersionDto.of(v, files);
  }

  private static ModelFileMissingException missing(ModelVersion version, VersionFile kind) {
    String detail =
        kind == VersionFile.MODEL
            ? "run " + version.runId() + " has no " + kind.artifact()
            : "version "
                + version.version()
                + " of "
                + version.model()
                + " has no "
                + kind.file()
                + ": its run "
                + version.runId()
                + " predates manifests (training runs store "
                + kind.artifact()
                + " since issue 21); model.onnx is available";
    return new ModelFileMissingException(detail);
  }

  private static UnknownEntityException unknownModel(String name) {
    return new UnknownEntityException("model", name);
  }
}
