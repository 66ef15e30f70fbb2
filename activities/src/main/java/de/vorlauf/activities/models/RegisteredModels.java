package de.vorlauf.activities.models;

import de.vorlauf.inference.ModelException;
import de.vorlauf.inference.ModelFiles;
import de.vorlauf.inference.ModelKey;
import de.vorlauf.inference.ModelManifest;
import de.vorlauf.inference.ModelSource;
import de.vorlauf.persistence.experiments.ArtifactCorruptedException;
import de.vorlauf.persistence.experiments.ArtifactPurgedException;
import de.vorlauf.persistence.experiments.ExperimentQueries;
import de.vorlauf.persistence.models.ModelCatalog;
import de.vorlauf.persistence.models.ModelVersion;
import de.vorlauf.persistence.models.VersionFile;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * The model registry as a {@link ModelSource}: a version's graph and manifest come from its source
 * run's artifacts (checksums verified on read), the manifest stamped with the name and number the
 * version is registered as. Consumers hold a {@code ModelSessions} over this and ask for "the
 * champion" through {@link #resolve}; what can go wrong on the way is a {@link ModelException},
 * never a session on the wrong bytes.
 */
public final class RegisteredModels implements ModelSource {

  private final ModelCatalog catalog;
  private final ExperimentQueries experiments;

  public RegisteredModels(ModelCatalog catalog, ExperimentQueries experiments) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.experiments = Objects.requireNonNull(experiments, "experiments");
  }

  /**
   * The version {@code ref} names now ({@code champion}, {@code challenger} or a number); empty
   * when the model has none such. An alias moves: resolve it per decision, not once per process.
   */
  public Optional<ModelKey> resolve(String model, String ref) {
    return version(model, ref).map(v -> new ModelKey(v.model(), v.version()));
  }

  /**
   * As {@link #resolve}, with the version's registry entry: its metrics (e.g. the holdout errors
   * the serving side reports as the prediction's uncertainty).
   */
  public Optional<ModelVersion> version(String model, String ref) {
    try {
      return catalog.resolve(model, ref);
    } catch (SQLException e) {
      throw new ModelException(
          ModelException.Reason.MISSING, "the registry cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public ModelFiles load(ModelKey key) {
    try {
      ModelVersion version =
          catalog
              .resolve(key.model(), Integer.toString(key.version()))
              .orElseThrow(() -> missing(key + " is not registered"));
      byte[] graph = artifact(key, version, VersionFile.MODEL);
      byte[] manifest = artifact(key, version, VersionFile.MANIFEST);
      return new ModelFiles(graph, ModelManifest.fromJson(manifest).registeredAs(key));
    } catch (SQLException e) {
      throw new ModelException(
          ModelException.Reason.MISSING, "the registry cannot be read: " + e.getMessage(), e);
    }
  }

  private byte[] artifact(ModelKey key, ModelVersion version, VersionFile file)
      throws SQLException {
    try {
      return experiments
          .artifact(version.runId(), file.artifact())
          .orElseThrow(
              () ->
                  missing(
                      "%s has no %s: its run %d predates manifests or never stored it"
                          .formatted(key, file.file(), version.runId())))
          .content();
    } catch (ArtifactCorruptedException e) {
      throw new ModelException(ModelException.Reason.CHECKSUM, key + ": " + e.getMessage(), e);
    } catch (ArtifactPurgedException e) {
      throw missing(key + ": " + e.getMessage());
    }
  }

  private static ModelException missing(String message) {
    return new ModelException(ModelException.Reason.MISSING, message);
  }
}
