package de.vorlauf.workflows.etl;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The input of one run of {@link NightlyEtlWorkflow}, and what it carries across continue-as-new.
 *
 * @param runId names the ETL run in {@code building_features.etl_run}; null: the workflow id
 * @param buildingIds backfill: the building set (at most {@value #MAX_BUILDINGS}); empty: every
 *     active building. Ignored for the nightly run, which takes every active building
 * @param from backfill: first local day, inclusive
 * @param to backfill: last local day, inclusive
 * @param concurrency batch activities in flight at once; 0: the default
 * @param asOf the time the run counts "last complete day" and retention from; null: its start
 * @param afterBuildingId where the run continues (continue-as-new); null at the start
 * @param progress what earlier runs of this chain did; null at the start
 */
public record EtlRequest(
    EtlMode mode,
    String runId,
    List<String> buildingIds,
    LocalDate from,
    LocalDate to,
    int concurrency,
    Instant asOf,
    String afterBuildingId,
    EtlProgress progress) {

  public static final int MAX_BUILDINGS = 10_000;

  public EtlRequest {
    buildingIds = buildingIds == null ? List.of() : List.copyOf(buildingIds);
  }

  public static EtlRequest nightly() {
    return new EtlRequest(EtlMode.NIGHTLY, null, List.of(), null, null, 0, null, null, null);
  }

  public static EtlRequest backfill(List<String> buildingIds, LocalDate from, LocalDate to) {
    return new EtlRequest(EtlMode.BACKFILL, null, buildingIds, from, to, 0, null, null, null);
  }

  EtlRequest continueAfter(String buildingId, Instant start, String run, EtlProgress sofar) {
    return new EtlRequest(mode, run, buildingIds, from, to, concurrency, start, buildingId, sofar);
  }
}
