package de.vorlauf.persistence.models;

import de.vorlauf.domain.models.Alias;
import de.vorlauf.domain.models.Stage;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A registered version of a model.
 *
 * @param runId the experiment run it came from (its artifacts are the version's files)
 * @param metrics the run's single-valued metrics when it was registered
 * @param aliases the aliases it holds
 */
public record ModelVersion(
    String model,
    int version,
    long runId,
    String experiment,
    String runName,
    Stage stage,
    List<Alias> aliases,
    Map<String, Double> metrics,
    String description,
    Map<String, String> tags,
    Instant createdAt,
    String createdBy) {

  public ModelVersion {
    aliases = List.copyOf(aliases);
    metrics = Map.copyOf(metrics);
    tags = Map.copyOf(tags);
  }
}
