package de.vorlauf.persistence.experiments;

import java.time.Instant;
import java.util.List;

/**
 * The data a run trained on.
 *
 * @param buildingDays building-days of the window that had features when the lineage was recorded
 * @param etlRuns the ETL runs (workflow ids) that wrote those features
 */
public record Lineage(
    FeatureWindow window,
    int buildingDays,
    String dataFingerprint,
    List<EtlRunRef> etlRuns,
    Instant recordedAt) {

  public Lineage {
    etlRuns = List.copyOf(etlRuns);
  }

  /**
   * One ETL run of a window.
   *
   * @param workflowId the ETL's workflow id ({@code etl_building_days.etl_run})
   */
  public record EtlRunRef(
      String workflowId,
      int buildingDays,
      java.time.LocalDate firstDay,
      java.time.LocalDate lastDay) {}
}
