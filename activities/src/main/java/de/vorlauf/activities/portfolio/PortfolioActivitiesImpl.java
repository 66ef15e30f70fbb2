package de.vorlauf.activities.portfolio;

import de.vorlauf.persistence.portfolio.ActiveBuildingRanges;
import de.vorlauf.persistence.portfolio.PortfolioRunStore;
import de.vorlauf.workflows.optimization.BuildingOutcome;
import de.vorlauf.workflows.optimization.OptimizationActivities;
import de.vorlauf.workflows.optimization.OptimizationBatch;
import de.vorlauf.workflows.portfolio.BuildingProblem;
import de.vorlauf.workflows.portfolio.PortfolioActivities;
import de.vorlauf.workflows.portfolio.PortfolioBatch;
import de.vorlauf.workflows.portfolio.PortfolioBatchResult;
import de.vorlauf.workflows.portfolio.PortfolioBuildings;
import de.vorlauf.workflows.portfolio.PortfolioPlan;
import de.vorlauf.workflows.portfolio.PortfolioRecord;
import de.vorlauf.workflows.portfolio.PortfolioStart;
import de.vorlauf.workflows.portfolio.PortfolioSummary;
import io.temporal.failure.ApplicationFailure;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portfolio run on the database: ranges of active buildings by key, the optimisation of issue
 * 22 in-process for each batch ({@link OptimizationActivities}, the worker's one instance), and the
 * run summary in {@link PortfolioRunStore}. The clock only stamps the summary's rows; the
 * optimisation's "now" is the batch's {@code asOf}.
 */
public final class PortfolioActivitiesImpl implements PortfolioActivities {

  private static final Logger log = LoggerFactory.getLogger(PortfolioActivitiesImpl.class);

  private final PortfolioRunStore runs;
  private final ActiveBuildingRanges ranges;
  private final OptimizationActivities optimization;
  private final PortfolioListener listener;
  private final Clock clock;

  public PortfolioActivitiesImpl(
      PortfolioRunStore runs,
      ActiveBuildingRanges ranges,
      OptimizationActivities optimization,
      PortfolioListener listener,
      Clock clock) {
    this.runs = Objects.requireNonNull(runs, "runs");
    this.ranges = Objects.requireNonNull(ranges, "ranges");
    this.optimization = Objects.requireNonNull(optimization, "optimization");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public PortfolioPlan begin(PortfolioStart start) {
    Instant now = clock.instant();
    try {
      int stale =
          runs.markStale(now.minus(start.staleAfter()), start.workflowId(), start.runId(), now);
      if (stale > 0) {
        log.warn("{} portfolio runs had stopped without finishing: marked FAILED", stale);
      }
      ActiveBuildingRanges.Plan plan = ranges.plan(start.batchSize());
      long key =
          runs.begin(
              start.workflowId(), start.runId(), start.asOf(), start.origin(), plan.active(), now);
      return new PortfolioPlan(key, plan.active(), plan.batchEnds());
    } catch (SQLException e) {
      throw database(e);
    }
  }

  @Override
  public PortfolioBatchResult optimize(PortfolioBatch batch) {
    List<String> ids = buildingsOf(batch).buildingIds();
    if (ids.isEmpty()) {
      return new PortfolioBatchResult(0, 0, 0, Map.of(), List.of());
    }
    List<BuildingOutcome> outcomes =
        optimization
            .optimize(
                new OptimizationBatch(
                    ids,
                    batch.asOf(),
                    batch.modelName(),
                    batch.modelAlias(),
                    batch.publish(),
                    batch.origin()))
            .outcomes();
    int done = 0;
    int fallback = 0;
    Map<String, Integer> reasons = new TreeMap<>();
    List<BuildingProblem> problems = new ArrayList<>();
    for (BuildingOutcome outcome : outcomes) {
      switch (outcome.status()) {
        case DONE -> done++;
        case FALLBACK -> {
          fallback++;
          reasons.merge(cause(outcome.reason()), 1, Integer::sum);
        }
        case SKIPPED, FAILED -> problems.add(BuildingProblem.of(outcome, batch.attempt()));
      }
    }
    return new PortfolioBatchResult(ids.size(), done, fallback, reasons, problems);
  }

  @Override
  public PortfolioBuildings buildingsOf(PortfolioBatch batch) {
    if (batch.byIds()) {
      return new PortfolioBuildings(batch.buildingIds());
    }
    try {
      return new PortfolioBuildings(ranges.ids(batch.afterBuildingId(), batch.throughBuildingId()));
    } catch (SQLException e) {
      throw database(e);
    }
  }

  @Override
  public void record(PortfolioRecord record) {
    PortfolioSummary s = record.summary();
    List<PortfolioRunStore.Problem> problems =
        record.problems().stream()
            .map(
                p ->
                    new PortfolioRunStore.Problem(
                        p.buildingId(), p.status().name(), p.reason(), p.attempts(), p.retryable()))
            .toList();
    Instant now = clock.instant();
    try {
      PortfolioRunStore.Run run =
          runs.record(
                  s.runKey(),
                  new PortfolioRunStore.Counts(
                      s.buildingsTotal(),
                      s.done(),
                      s.fallback(),
                      s.skipped(),
                      s.failed(),
                      s.fallbackReasons()),
                  problems,
                  record.state(),
                  record.error(),
                  now)
              .orElse(null);
      // told once: a retried final write finds the run finished by the first and changes nothing
      if (run != null
          && !PortfolioRecord.RUNNING.equals(record.state())
          && run.state().equals(record.state())
          && now.equals(run.finishedAt())) {
        listener.finished(run);
      }
    } catch (SQLException e) {
      throw database(e);
    }
  }

  /** {@code NO_ROOM_MEASUREMENT: …} → {@code NO_ROOM_MEASUREMENT}. */
  private static String cause(String reason) {
    if (reason == null) {
      return "UNKNOWN";
    }
    int colon = reason.indexOf(':');
    return colon < 0 ? reason : reason.substring(0, colon);
  }

  private static ApplicationFailure database(SQLException e) {
    return ApplicationFailure.newFailureWithCause("database: " + e.getMessage(), "Database", e);
  }
}
