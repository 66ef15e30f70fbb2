package de.vorlauf.webadmin.etl;

import java.util.List;

/**
 * Body of {@code POST /api/v1/etl/backfills}.
 *
 * @param buildingIds the building set; empty or absent: every active building
 * @param from first local day, ISO date, inclusive
 * @param to last local day, ISO date, inclusive
 */
public record BackfillInput(List<String> buildingIds, String from, String to) {}
