package de.vorlauf.workflows.portfolio;

import de.vorlauf.workflows.optimization.BuildingOutcome;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Range batches a few at a time, failed buildings back into later batches after a durable timer,
 * the run summary written after every batch (one write in flight, the latest counts win).
 */
public class PortfolioOptimizationWorkflowImpl implements PortfolioOptimizationWorkflow {

  /** Temporal Schedules set it on every run they start: the time the run was due. */
  static final SearchAttributeKey<OffsetDateTime> SCHEDULED_START =
      SearchAttributeKey.forOffsetDateTime("TemporalScheduledStartTime");

  /** A RUNNING row not updated for this long belongs to a run that is gone. */
  static final Duration STALE_AFTER = Duration.ofHours(2);

  private static final Logger log = Workflow.getLogger(PortfolioOptimizationWorkflowImpl.class);

  private final PortfolioActivities quick =
      Workflow.newActivityStub(
          PortfolioActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(1))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setMaximumInterval(Duration.ofSeconds(30))
                      .setMaximumAttempts(5)
                      .build())
              .build());

  // a retry of a batch answers its stored buildings from the store: cheap and safe
  private final PortfolioActivities batches =
      Workflow.newActivityStub(
          PortfolioActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(5))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(2))
                      .setMaximumInterval(Duration.ofSeconds(30))
                      .setMaximumAttempts(3)
                      .build())
              .build());

  private PortfolioSummary summary;
  private PortfolioRequest request;
  private int inFlight;
  private int retryGroupsWaiting;
  private boolean recording;
  private boolean dirty;
  private final List<BuildingProblem> unrecorded = new ArrayList<>();

  @Override
  public PortfolioSummary run(PortfolioRequest request) {
    this.request = request;
    Instant asOf = request.asOf() != null ? request.asOf() : scheduledHour();
    String origin = request.effectiveOrigin();
    PortfolioPlan plan =
        quick.begin(
            new PortfolioStart(
                Workflow.getInfo().getWorkflowId(),
                Workflow.getInfo().getRunId(),
                asOf,
                origin,
                request.effectiveBatchSize(),
                STALE_AFTER));
    summary = PortfolioSummary.start(plan.runKey(), asOf, plan.buildingsTotal());
    log.info(
        "portfolio run {} for {}: {} buildings in {} batches",
        plan.runKey(),
        asOf,
        plan.buildingsTotal(),
        plan.batchEnds().size() + 1);
    try {
      PortfolioBatch first =
          new PortfolioBatch(
              null,
              null,
              List.of(),
              1,
              asOf,
              request.effectiveModelName(),
              request.effectiveModelAlias(),
              request.publish(),
              origin);
      String after = null;
      for (String end : plan.batchEnds()) {
        submit(range(first, after, end));
        after = end;
      }
      submit(range(first, after, null));
      Workflow.await(() -> inFlight == 0 && retryGroupsWaiting == 0 && !recording);
      summary = summary.finish();
      quick.record(new PortfolioRecord(summary, drain(), PortfolioRecord.COMPLETED, null));
      log.info(
          "portfolio run {} finished: {} done, {} fallback, {} skipped, {} failed, {} retries",
          summary.runKey(),
          summary.done(),
          summary.fallback(),
          summary.skipped(),
          summary.failed(),
          summary.retries());
      return summary;
    } catch (RuntimeException e) {
      // cancelled, or the summary could not be written: the row must not stay RUNNING. A
      // termination or a run timeout cannot be caught here; the next run's begin marks those.
      Workflow.newDetachedCancellationScope(
              () ->
                  quick.record(
                      new PortfolioRecord(
                          summary.finish(), drain(), PortfolioRecord.FAILED, describe(e))))
          .run();
      throw e;
    }
  }

  @Override
  public PortfolioSummary progress() {
    return summary;
  }

  private static PortfolioBatch range(PortfolioBatch template, String after, String through) {
    return new PortfolioBatch(
        after,
        through,
        List.of(),
        1,
        template.asOf(),
        template.modelName(),
        template.modelAlias(),
        template.publish(),
        template.origin());
  }

  /**
   * Waits for a free slot, then runs the batch in a workflow thread of its own: its result is
   * counted and the progress written when it arrives.
   */
  private void submit(PortfolioBatch batch) {
    int parallelism = request.effectiveParallelism();
    Workflow.await(() -> inFlight < parallelism);
    inFlight++;
    Async.procedure(
        () -> {
          try {
            handle(batch, batches.optimize(batch));
          } catch (ActivityFailure failure) {
            failedAsAWhole(batch, failure);
          } finally {
            inFlight--;
          }
          recordProgress();
        });
  }

  private void handle(PortfolioBatch batch, PortfolioBatchResult result) {
    int maxAttempts = request.effectiveMaxAttempts();
    List<String> again = new ArrayList<>();
    int skipped = 0;
    int failed = 0;
    for (BuildingProblem problem : result.problems()) {
      if (problem.worthRetry(maxAttempts)) {
        again.add(problem.buildingId());
        continue;
      }
      unrecorded.add(problem);
      if (problem.status() == BuildingOutcome.Status.SKIPPED) {
        skipped++;
      } else {
        failed++;
      }
    }
    int retriedNow = batch.byIds() ? batch.buildingIds().size() : 0;
    summary = summary.add(result, skipped, failed, again.size(), retriedNow);
    if (!again.isEmpty()) {
      retryLater(batch.retry(again, batch.attempt() + 1));
    }
  }

  /**
   * A durable timer, then the buildings go back into the queue of batches. Backoff doubles per
   * attempt: {@code retryBackoff × 2^(attempt - 2)} before attempt {@code attempt}.
   */
  private void retryLater(PortfolioBatch retry) {
    retryGroupsWaiting++;
    Duration wait = request.effectiveRetryBackoff().multipliedBy(1L << (retry.attempt() - 2));
    Async.procedure(
        () -> {
          try {
            Workflow.sleep(wait);
            submit(retry);
          } finally {
            retryGroupsWaiting--;
          }
        });
  }

  /**
   * The batch activity failed through its own retries (worker lost, database down): its buildings
   * are failed with that error. A range batch's ids are asked for first; if even that fails, the
   * run fails (and is marked FAILED).
   */
  private void failedAsAWhole(PortfolioBatch batch, RuntimeException failure) {
    List<String> ids = batch.byIds() ? batch.buildingIds() : quick.buildingsOf(batch).buildingIds();
    String reason = "batch failed: " + describe(failure);
    List<BuildingProblem> problems = new ArrayList<>();
    for (String id : ids) {
      problems.add(
          new BuildingProblem(id, BuildingOutcome.Status.FAILED, reason, batch.attempt(), true));
    }
    unrecorded.addAll(problems);
    int retriedNow = batch.byIds() ? ids.size() : 0;
    summary =
        summary.add(
            new PortfolioBatchResult(ids.size(), 0, 0, null, problems),
            0,
            ids.size(),
            0,
            retriedNow);
    log.warn("portfolio run {}: a batch of {} failed: {}", summary.runKey(), ids.size(), reason);
  }

  /**
   * One write in flight, made by the batch thread that found none: counts that change meanwhile go
   * with its next write. Best effort: a write that fails leaves its problems for the next one.
   */
  private void recordProgress() {
    dirty = true;
    if (recording) {
      return;
    }
    recording = true;
    try {
      while (dirty) {
        dirty = false;
        List<BuildingProblem> problems = drain();
        try {
          quick.record(new PortfolioRecord(summary, problems, PortfolioRecord.RUNNING, null));
        } catch (ActivityFailure failure) {
          unrecorded.addAll(0, problems);
          log.warn(
              "portfolio run {}: progress not written: {}", summary.runKey(), describe(failure));
          break;
        }
      }
    } finally {
      recording = false;
    }
  }

  private List<BuildingProblem> drain() {
    List<BuildingProblem> problems = List.copyOf(unrecorded);
    unrecorded.clear();
    return problems;
  }

  private static Instant scheduledHour() {
    OffsetDateTime scheduled = Workflow.getTypedSearchAttributes().get(SCHEDULED_START);
    Instant due =
        scheduled != null
            ? scheduled.toInstant()
            : Instant.ofEpochMilli(Workflow.currentTimeMillis());
    return due.truncatedTo(ChronoUnit.HOURS);
  }

  private static String describe(RuntimeException failure) {
    if (failure instanceof CanceledFailure) {
      return "cancelled";
    }
    Throwable cause =
        failure instanceof ActivityFailure && failure.getCause() != null
            ? failure.getCause()
            : failure;
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }
}
