package de.vorlauf.domain.training;

import java.time.Instant;
import java.util.Map;

/**
 * Where a training run's features came from: the range read from {@code building_features} and the
 * ETL runs that wrote the building-days in it ({@code etl_building_days}).
 *
 * @param etlRuns ETL run (workflow id) → building-days of the read it wrote
 * @param lastProcessedAt when the newest of those building-days was written; null when none is
 *     recorded (features written without the ETL's bookkeeping, e.g. synthetic data)
 */
public record FeatureLineage(
    Instant readFrom, Instant readTo, Map<String, Long> etlRuns, Instant lastProcessedAt) {

  public FeatureLineage {
    etlRuns = Map.copyOf(etlRuns);
  }
}
