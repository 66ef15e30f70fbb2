package de.vorlauf.workflows.portfolio;

import java.util.List;
import java.util.Map;

/**
 * What a batch did: counts per outcome, fallbacks by cause, and only the failed and skipped
 * buildings one by one (a DONE or FALLBACK result is in {@code optimization_results}).
 *
 * @param fallbackReasons fallback cause (e.g. {@code NO_ROOM_MEASUREMENT}) → buildings
 */
public record PortfolioBatchResult(
    int buildings,
    int done,
    int fallback,
    Map<String, Integer> fallbackReasons,
    List<BuildingProblem> problems) {

  public PortfolioBatchResult {
    fallbackReasons = fallbackReasons == null ? Map.of() : Map.copyOf(fallbackReasons);
    problems = problems == null ? List.of() : List.copyOf(problems);
  }
}
