package de.vorlauf.domain.training;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Which features a training run read, in the terms experiment tracking records lineage in ({@code
 * persistence.experiments.FeatureWindow}: local days and building ids; the tracker looks up the ETL
 * runs that wrote those building-days in {@code etl_building_days} itself).
 *
 * @param readFrom start of the read of {@code building_features} (UTC, inclusive)
 * @param readTo end of the read (exclusive)
 * @param firstDay the first local day the read can touch: the day before {@code readFrom}'s UTC
 *     date (a zone east of UTC starts its day the evening before)
 * @param lastDay the last local day it can touch: {@code readTo}'s UTC date
 * @param buildingIds the buildings read, by id
 */
public record FeatureLineage(
    Instant readFrom,
    Instant readTo,
    LocalDate firstDay,
    LocalDate lastDay,
    List<String> buildingIds) {

  public FeatureLineage {
    buildingIds = List.copyOf(buildingIds);
  }

  /** The lineage of a read of {@code [from, to)} that returned {@code histories}. */
  public static FeatureLineage of(Instant from, Instant to, List<BuildingHistory> histories) {
    return new FeatureLineage(
        from,
        to,
        LocalDate.ofInstant(from, ZoneOffset.UTC).minusDays(1),
        LocalDate.ofInstant(to, ZoneOffset.UTC),
        histories.stream().map(h -> h.building().buildingId()).toList());
  }
}
