package de.vorlauf.workflows.optimization;

import java.time.Instant;
import java.util.List;

/**
 * Buildings to optimise at one instant.
 *
 * @param asOf the optimisation's "as of" instant (the hour it is for begins here)
 * @param modelName the registered heat-demand model
 * @param modelAlias the registry alias whose version predicts, e.g. {@code champion}
 * @param publish whether setpoints go to the devices (false: compute and store only)
 * @param origin who asked, stored with each result (e.g. {@code hourly}, {@code closed-loop})
 */
public record OptimizationBatch(
    List<String> buildingIds,
    Instant asOf,
    String modelName,
    String modelAlias,
    boolean publish,
    String origin) {

  public OptimizationBatch {
    buildingIds = List.copyOf(buildingIds);
  }
}
