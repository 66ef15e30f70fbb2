package de.vorlauf.domain.training;

import java.time.Instant;

/**
 * One building's UTC hour of {@code building_features}: the four 15-minute slots averaged, as the
 * training read (persistence's {@code TrainingDataRepository}) returns them.
 *
 * @param hour the hour's start (UTC)
 * @param heatPowerKw mean of {@code heat_power_total_kw} (the circuits' heat power summed, the
 *     ETL's heat power) over the slots that have one; NaN when none has
 * @param powerSlots slots of the hour with a heat power (4 when complete)
 * @param outdoorC mean {@code outdoor_temp}; NaN when no slot has one
 * @param quality mean {@code quality} of the hour's slots (0 for a slot that has no row)
 * @param localHour {@code local_hour} of the hour's first slot
 * @param offDay the hour's local day is a weekend ({@code day_of_week} 6, 7) or a {@code holiday}
 */
public record HourAggregate(
    Instant hour,
    double heatPowerKw,
    int powerSlots,
    double outdoorC,
    double quality,
    int localHour,
    boolean offDay) {

  public static final int SLOTS_PER_HOUR = 4;
}
