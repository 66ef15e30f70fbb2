package de.vorlauf.workflows.etl;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/** Pages of buildings, batches of a page in flight a few at a time, continue-as-new in between. */
public class NightlyEtlWorkflowImpl implements NightlyEtlWorkflow {

  static final int PAGE_BUILDINGS = 200;
  static final int BUILDINGS_PER_BATCH = 20;

  /** Backfill: a batch's buildings × days stays below this (a batch is minutes, not hours). */
  static final int BUILDING_DAYS_PER_BATCH = 200;

  static final int DEFAULT_CONCURRENCY = 4;
  static final int MAX_CONCURRENCY = 32;

  /** Continue as new at the next page boundary once the history is this long. */
  static final int CONTINUE_AS_NEW_EVENTS = 5_000;

  private static final Logger log = Workflow.getLogger(NightlyEtlWorkflowImpl.class);

  private final EtlActivities quick =
      Workflow.newActivityStub(
          EtlActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(2))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(2))
                      .setMaximumInterval(Duration.ofMinutes(1))
                      .setMaximumAttempts(5)
                      .setDoNotRetry(EtlActivities.REFUSED)
                      .build())
              .build());

  // a batch heartbeats after every building-day; a retry resumes after the last one
  private final EtlActivities batches =
      Workflow.newActivityStub(
          EtlActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(30))
              .setHeartbeatTimeout(Duration.ofMinutes(2))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(5))
                      .setBackoffCoefficient(2)
                      .setMaximumInterval(Duration.ofMinutes(2))
                      .setMaximumAttempts(4)
                      .build())
              .build());

  private final List<Promise<Void>> inFlight = new ArrayList<>();
  private EtlProgress progress;

  @Override
  public EtlProgress run(EtlRequest request) {
    Instant asOf = request.asOf() != null ? request.asOf() : now();
    String runId = request.runId() != null ? request.runId() : Workflow.getInfo().getWorkflowId();
    if (request.progress() != null) {
      progress = request.progress();
    } else {
      progress = EtlProgress.start(request.mode(), runId, now(), 0);
      long total = quick.plan(request).buildingDays();
      progress = EtlProgress.start(request.mode(), runId, now(), total);
      if (request.mode() == EtlMode.NIGHTLY) {
        quick.applyRetention(asOf);
      }
    }
    int concurrency = concurrency(request.concurrency());
    String after = request.afterBuildingId();
    while (true) {
      List<String> page = nextPage(request, after);
      if (page.isEmpty()) {
        break;
      }
      for (EtlBatch batch : batches(request, runId, asOf, page)) {
        Workflow.await(() -> inFlight.size() < concurrency);
        inFlight.add(process(batch));
      }
      after = page.get(page.size() - 1);
      if (Workflow.getInfo().getHistoryLength() > CONTINUE_AS_NEW_EVENTS) {
        Workflow.await(inFlight::isEmpty);
        log.info("ETL {} continues as new after building {}", runId, after);
        Workflow.continueAsNew(request.continueAfter(after, asOf, runId, progress));
        return progress;
      }
    }
    Workflow.await(inFlight::isEmpty);
    progress = progress.finish();
    log.info(
        "ETL {} finished: {} building-days done, {} failed",
        runId,
        progress.done(),
        progress.failed());
    return progress;
  }

  @Override
  public EtlProgress progress() {
    return progress;
  }

  private List<String> nextPage(EtlRequest request, String after) {
    if (request.mode() == EtlMode.BACKFILL && !request.buildingIds().isEmpty()) {
      return request.buildingIds().stream()
          .sorted()
          .distinct()
          .filter(id -> after == null || id.compareTo(after) > 0)
          .limit(PAGE_BUILDINGS)
          .toList();
    }
    return quick.activeBuildings(after, PAGE_BUILDINGS).buildingIds();
  }

  private static List<EtlBatch> batches(
      EtlRequest request, String runId, Instant asOf, List<String> page) {
    List<EtlBatch> result = new ArrayList<>();
    for (int i = 0; i < page.size(); i += BUILDINGS_PER_BATCH) {
      List<String> ids = page.subList(i, Math.min(page.size(), i + BUILDINGS_PER_BATCH));
      if (request.mode() == EtlMode.NIGHTLY) {
        result.add(new EtlBatch(runId, EtlMode.NIGHTLY, ids, null, null, asOf));
        continue;
      }
      int daysPerBatch = Math.max(1, BUILDING_DAYS_PER_BATCH / ids.size());
      for (LocalDate d = request.from(); !d.isAfter(request.to()); d = d.plusDays(daysPerBatch)) {
        LocalDate end = d.plusDays(daysPerBatch - 1L);
        result.add(
            new EtlBatch(
                runId,
                EtlMode.BACKFILL,
                ids,
                d,
                end.isAfter(request.to()) ? request.to() : end,
                asOf));
      }
    }
    return result;
  }

  private Promise<Void> process(EtlBatch batch) {
    Promise<Void> promise =
        Async.function(batches::processBatch, batch)
            .handle(
                (result, failure) -> {
                  progress = progress.add(failure == null ? result : failedBatch(batch, failure));
                  return null;
                });
    promise.thenApply(
        ignored -> {
          inFlight.remove(promise);
          return null;
        });
    return promise;
  }

  /** A batch that failed through its retries: each of its buildings reported with the error. */
  private static EtlBatchResult failedBatch(EtlBatch batch, RuntimeException failure) {
    String error =
        failure instanceof ActivityFailure && failure.getCause() != null
            ? failure.getCause().getMessage()
            : failure.getMessage();
    List<BuildingDayFailure> failures = new ArrayList<>();
    for (String id : batch.buildingIds()) {
      failures.add(new BuildingDayFailure(id, batch.from(), "batch failed: " + error));
    }
    long days = batch.plannedBuildingDays();
    return new EtlBatchResult(days, 0, days, 0, failures);
  }

  private static int concurrency(int requested) {
    return requested <= 0 ? DEFAULT_CONCURRENCY : Math.min(requested, MAX_CONCURRENCY);
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
