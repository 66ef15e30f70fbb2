package de.vorlauf.persistence.ops;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The fleet's optimisation filters (issue 23), over a building's newest optimisation result, its
 * newest setpoint command and the latest finished portfolio run. Each is a condition on the fleet
 * row's {@code fleet.id} backed by an index that starts with the building ({@code
 * optimization_results}' unique key, {@code setpoint_commands_building}) or by the run's primary
 * key range.
 */
public enum FleetOptimizationFilter {
  ALL("TRUE"),
  /** FAILED in the latest finished portfolio run (after its retries). */
  FAILED(
      """
      fleet.id IN (SELECT f.building_id FROM portfolio_run_buildings f
             WHERE f.status = 'FAILED' AND f.portfolio_run = (
                 SELECT pr.id FROM portfolio_runs pr WHERE pr.finished_at IS NOT NULL
                 ORDER BY pr.started_at DESC LIMIT 1))
      """),
  /** The newest result is a fallback. */
  FALLBACK(
      """
      (SELECT x.fallback IS NOT NULL FROM optimization_results x WHERE x.building_id = fleet.id
       ORDER BY x.as_of DESC, x.created_at DESC LIMIT 1)
      """),
  /** The device rejected the newest command. */
  REJECTED(latestCommandIs("REJECTED")),
  /** The newest command expired before the device applied it. */
  EXPIRED(latestCommandIs("EXPIRED"));

  /** Constant SQL text, no user input. */
  final String predicate;

  FleetOptimizationFilter(String predicate) {
    this.predicate = predicate;
  }

  private static String latestCommandIs(String state) {
    return """
        (SELECT x.state FROM setpoint_commands x WHERE x.building_id = fleet.id
         ORDER BY x.as_of DESC, x.queued_at DESC LIMIT 1) = '%s'
        """
        .formatted(state);
  }

  /** The name in URLs, e.g. {@code rejected}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<FleetOptimizationFilter> fromCode(String code) {
    return Arrays.stream(values()).filter(f -> f.code().equals(code)).findFirst();
  }
}
