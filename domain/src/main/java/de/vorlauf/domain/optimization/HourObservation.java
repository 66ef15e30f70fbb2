package de.vorlauf.domain.optimization;

import java.time.Instant;

/**
 * One past hour of a building as the platform measured it (the ETL's 15-minute features averaged,
 * or "features now" for hours the nightly ETL has not reached). Unknown values are NaN.
 *
 * @param hour the hour's start (UTC)
 * @param outdoorC mean outdoor temperature
 * @param indoorC mean indoor temperature; NaN for a building without an indoor sensor
 * @param flowC mean flow temperature of circuit 1
 * @param returnC mean return temperature of circuit 1
 * @param heatPowerKw mean heat power of the building's circuits
 * @param quality mean data-quality score of the hour's slots, 0..1
 */
public record HourObservation(
    Instant hour,
    double outdoorC,
    double indoorC,
    double flowC,
    double returnC,
    double heatPowerKw,
    double quality) {}
