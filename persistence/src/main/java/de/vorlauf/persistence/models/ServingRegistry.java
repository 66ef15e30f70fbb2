package de.vorlauf.persistence.models;

import de.vorlauf.domain.models.ModelArtifacts;
import de.vorlauf.domain.models.ServedVersion;
import de.vorlauf.persistence.experiments.ArtifactCorruptedException;
import de.vorlauf.persistence.experiments.ArtifactPurgedException;
import de.vorlauf.persistence.experiments.ExperimentQueries;
import de.vorlauf.persistence.experiments.RunDetail;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The model registry as the serving side reads it (the worker's hourly run and the WAR's real-time
 * endpoint alike): the version an alias names now with its training run's parameters, and a
 * version's graph and manifest from its source run's artifacts, checksums verified on read.
 */
public final class ServingRegistry {

  private final ModelCatalog catalog;
  private final ExperimentQueries experiments;

  public ServingRegistry(ModelCatalog catalog, ExperimentQueries experiments) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.experiments = Objects.requireNonNull(experiments, "experiments");
  }

  /**
   * The version {@code ref} names now ({@code champion}, {@code challenger} or a number), with its
   * run's parameters; empty when the model has none such. An alias moves: resolve it per decision.
   */
  public Optional<ServedVersion> served(String model, String ref) throws SQLException {
    Optional<ModelVersion> version = catalog.resolve(model, ref);
    if (version.isEmpty()) {
      return Optional.empty();
    }
    ModelVersion v = version.get();
    Map<String, String> params = experiments.run(v.runId()).map(RunDetail::params).orElse(Map.of());
    return Optional.of(new ServedVersion(v.model(), v.version(), v.metrics(), params));
  }

  /**
   * The version's graph and manifest.
   *
   * @throws ModelArtifacts.UnavailableException when it is not registered, a file was never stored
   *     or is purged, or its bytes do not match their checksum
   */
  public ModelArtifacts artifacts(String model, int version) throws SQLException {
    String key = model + " v" + version;
    ModelVersion v =
        catalog
            .resolve(model, Integer.toString(version))
            .orElseThrow(() -> missing(key + " is not registered", null));
    return new ModelArtifacts(
        artifact(key, v, VersionFile.MODEL), artifact(key, v, VersionFile.MANIFEST));
  }

  private byte[] artifact(String key, ModelVersion version, VersionFile file) throws SQLException {
    try {
      return experiments
          .artifact(version.runId(), file.artifact())
          .orElseThrow(
              () ->
                  missing(
                      "%s has no %s: its run %d predates manifests or never stored it"
                          .formatted(key, file.file(), version.runId()),
                      null))
          .content();
    } catch (ArtifactCorruptedException e) {
      throw new ModelArtifacts.UnavailableException(true, key + ": " + e.getMessage(), e);
    } catch (ArtifactPurgedException e) {
      throw missing(key + ": " + e.getMessage(), e);
    }
  }

  private static ModelArtifacts.UnavailableException missing(String message, Throwable cause) {
    return new ModelArtifacts.UnavailableException(false, message, cause);
  }
}
