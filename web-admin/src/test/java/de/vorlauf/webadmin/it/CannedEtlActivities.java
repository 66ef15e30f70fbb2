package de.vorlauf.webadmin.it;

import de.vorlauf.workflows.etl.BuildingDayFailure;
import de.vorlauf.workflows.etl.BuildingPage;
import de.vorlauf.workflows.etl.EtlActivities;
import de.vorlauf.workflows.etl.EtlBatch;
import de.vorlauf.workflows.etl.EtlBatchResult;
import de.vorlauf.workflows.etl.EtlPlan;
import de.vorlauf.workflows.etl.EtlRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * ETL activities without a database, for the API and page tests (the real ones are covered by
 * EtlActivitiesIT): a building whose id contains {@code broken} fails every day with {@link
 * #ERROR}; one whose id starts with {@code slow-} waits for {@link #GATE}, so a run can be seen
 * while it runs.
 */
final class CannedEtlActivities implements EtlActivities {

  static final String ERROR = "no readings of flow_temp_hk1 (canned)";
  static final CountDownLatch GATE = new CountDownLatch(1);

  @Override
  public EtlPlan plan(EtlRequest request) {
    long days = request.to().toEpochDay() - request.from().toEpochDay() + 1;
    return new EtlPlan(request.buildingIds().size() * days);
  }

  @Override
  public BuildingPage activeBuildings(String afterBuildingId, int limit) {
    return new BuildingPage(List.of());
  }

  @Override
  public EtlBatchResult processBatch(EtlBatch batch) {
    long done = 0;
    List<BuildingDayFailure> failures = new ArrayList<>();
    for (String id : batch.buildingIds()) {
      if (id.startsWith("slow-")) {
        try {
          GATE.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      for (LocalDate day = batch.from(); !day.isAfter(batch.to()); day = day.plusDays(1)) {
        if (id.contains("broken")) {
          failures.add(new BuildingDayFailure(id, day, ERROR));
        } else {
          done++;
        }
      }
    }
    return new EtlBatchResult(done + failures.size(), done, failures.size(), done * 96, failures);
  }

  @Override
  public void applyRetention(Instant asOf) {}
}
