package de.vorlauf.inference.serving;

import de.vorlauf.domain.models.ModelArtifacts;
import de.vorlauf.inference.ModelException;
import de.vorlauf.inference.ModelFiles;
import de.vorlauf.inference.ModelKey;
import de.vorlauf.inference.ModelManifest;
import de.vorlauf.inference.ModelSource;
import java.util.Objects;

/**
 * The model registry as a {@link ModelSource}: a version's graph and manifest through the {@link
 * Artifacts} port (persistence's {@code ServingRegistry::artifacts}), the manifest stamped with the
 * name and number the version is registered as. What can go wrong on the way is a {@link
 * ModelException}, never a session on the wrong bytes.
 */
public final class RegistrySource implements ModelSource {

  /** Where a registered version's files are read. */
  @FunctionalInterface
  public interface Artifacts {
    /**
     * @throws ModelArtifacts.UnavailableException when the version's files cannot be served
     * @throws Exception when the registry cannot be read
     */
    ModelArtifacts artifacts(String model, int version) throws Exception;
  }

  private final Artifacts artifacts;

  public RegistrySource(Artifacts artifacts) {
    this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
  }

  @Override
  public ModelFiles load(ModelKey key) {
    ModelArtifacts files;
    try {
      files = artifacts.artifacts(key.model(), key.version());
    } catch (ModelArtifacts.UnavailableException e) {
      throw new ModelException(
          e.corrupted() ? ModelException.Reason.CHECKSUM : ModelException.Reason.MISSING,
          e.getMessage(),
          e);
    } catch (Exception e) {
      throw new ModelException(
          ModelException.Reason.MISSING, "the registry cannot be read: " + e.getMessage(), e);
    }
    return new ModelFiles(
        files.graph(), ModelManifest.fromJson(files.manifest()).registeredAs(key));
  }
}
