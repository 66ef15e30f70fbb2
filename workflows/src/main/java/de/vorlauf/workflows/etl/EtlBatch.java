package de.vorlauf.workflows.etl;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One batch activity's work: a few buildings, and either their nightly days (last complete local
 * day as of {@code asOf}, plus dirty days) or the backfill days {@code from..to}.
 */
public record EtlBatch(
    String runId,
    EtlMode mode,
    List<String> buildingIds,
    LocalDate from,
    LocalDate to,
    Instant asOf) {

  public EtlBatch {
    buildingIds = List.copyOf(buildingIds);
  }

  /** Building-days the batch stands for when it fails as a whole (nightly: one per building). */
  long plannedBuildingDays() {
    long days = mode == EtlMode.BACKFILL ? to.toEpochDay() - from.toEpochDay() + 1 : 1;
    return buildingIds.size() * days;
  }
}
