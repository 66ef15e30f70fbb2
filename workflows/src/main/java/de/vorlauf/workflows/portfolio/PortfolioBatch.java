package de.vorlauf.workflows.portfolio;

import java.time.Instant;
import java.util.List;

/**
 * One batch activity's buildings: either the active ones with ids in {@code (afterBuildingId,
 * throughBuildingId]} (null bounds are open), or, for a retry, {@code buildingIds}.
 *
 * @param attempt the buildings' attempt number, 1 for the first
 */
public record PortfolioBatch(
    String afterBuildingId,
    String throughBuildingId,
    List<String> buildingIds,
    int attempt,
    Instant asOf,
    String modelName,
    String modelAlias,
    boolean publish,
    String origin) {

  public PortfolioBatch {
    buildingIds = buildingIds == null ? List.of() : List.copyOf(buildingIds);
  }

  /** A retry batch: it names its buildings (a method name that is no bean property on purpose). */
  public boolean byIds() {
    return !buildingIds.isEmpty();
  }

  PortfolioBatch retry(List<String> ids, int nextAttempt) {
    return new PortfolioBatch(
        null, null, ids, nextAttempt, asOf, modelName, modelAlias, publish, origin);
  }
}
