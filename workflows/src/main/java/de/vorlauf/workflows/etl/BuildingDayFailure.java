package de.vorlauf.workflows.etl;

import java.time.LocalDate;

/**
 * A building-day the ETL gave up on, with the error of its last attempt.
 *
 * @param day null when the building failed before its days were known (its configuration)
 */
public record BuildingDayFailure(String buildingId, LocalDate day, String error) {}
