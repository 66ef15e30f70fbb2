package de.vorlauf.webadmin.etl;

import java.time.LocalDate;

/**
 * 202 answer of {@code POST /api/v1/etl/backfills}.
 *
 * @param buildings the buildings named; 0: every active building
 * @param buildingDays buildings × days when the set was named; null for every active building
 */
public record BackfillStartedDto(
    String workflowId,
    String runId,
    LocalDate from,
    LocalDate to,
    int buildings,
    Long buildingDays,
    String statusUrl,
    String temporalUiUrl) {}
