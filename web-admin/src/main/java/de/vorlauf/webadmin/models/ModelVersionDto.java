package de.vorlauf.webadmin.models;

import de.vorlauf.domain.models.Alias;
import de.vorlauf.persistence.models.ModelVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A version with where it came from, its metrics, aliases, stage and files to download.
 *
 * @param runPath the source run's page in the admin UI
 * @param files the edge export's files, each with whether the source run has it
 * @param bundle the address of a zip of the files that exist
 */
public record ModelVersionDto(
    String model,
    int version,
    String stage,
    List<String> aliases,
    long runId,
    String experiment,
    String runName,
    String runPath,
    Map<String, Double> metrics,
    String description,
    Map<String, String> tags,
    Instant createdAt,
    String createdBy,
    List<FileDto> files,
    String bundle) {

  /**
   * One downloadable file.
   *
   * @param available false when the source run has no such artifact (it predates manifests) or
   *     retention removed it
   */
  public record FileDto(
      String name, boolean available, Long sizeBytes, String sha256, String download) {}

  static ModelVersionDto of(ModelVersion v, List<FileDto> files) {
    return new ModelVersionDto(
        v.model(),
        v.version(),
        v.stage().name(),
        v.aliases().stream().map(Alias::label).toList(),
        v.runId(),
        v.experiment(),
        v.runName(),
        ModelLinks.run(v.experiment(), v.runId()),
        v.metrics(),
        v.description(),
        v.tags(),
        v.createdAt(),
        v.createdBy(),
        files,
        ModelLinks.bundle(v.model(), v.version()));
  }
}
