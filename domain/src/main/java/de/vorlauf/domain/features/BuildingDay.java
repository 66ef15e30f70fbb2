package de.vorlauf.domain.features;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A building's local calendar day: the unit the ETL computes, replaces and marks dirty. It is 24
 * hours long except on DST days (23 on the spring-forward day, 25 on the fall-back day in
 * Europe/Berlin), so it holds 92, 96 or 100 slots of 15 minutes.
 */
public record BuildingDay(String buildingId, LocalDate date, ZoneId zone) {

  public BuildingDay {
    Objects.requireNonNull(buildingId, "buildingId");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(zone, "zone");
  }

  /** First instant of the day: local midnight (or the first valid local time after it). */
  public Instant start() {
    return date.atStartOfDay(zone).toInstant();
  }

  /** First instant of the next day, exclusive end of this one. */
  public Instant end() {
    return date.plusDays(1).atStartOfDay(zone).toInstant();
  }

  public int slots() {
    return (int) ((end().getEpochSecond() - start().getEpochSecond()) / FeatureRules.SLOT_SECONDS);
  }

  /** The last local day that is complete at {@code now}: yesterday in the building's zone. */
  public static LocalDate lastCompleteDay(Instant now, ZoneId zone) {
    return LocalDate.ofInstant(now, zone).minusDays(1);
  }
}
