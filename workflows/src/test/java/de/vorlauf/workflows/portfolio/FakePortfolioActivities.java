package de.vorlauf.workflows.portfolio;

import de.vorlauf.workflows.optimization.BuildingOutcome.Status;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

/**
 * Buildings {@code b000..} in memory: each optimised DONE unless configured to fail (retryable, for
 * a number of attempts), to have an invalid configuration, to be skipped or to fall back. Records
 * every attempt with the (test) time it was made, the writes of the run summary and the most
 * batches in flight at once.
 */
final class FakePortfolioActivities implements PortfolioActivities {

  record Attempt(String buildingId, int attempt, long atMillis) {}

  private final List<String> ids;
  private final LongSupplier clock;
  private final Map<String, Integer> failFor = new HashMap<>();
  private final Set<String> invalid = ConcurrentHashMap.newKeySet();
  private final Set<String> skipped = ConcurrentHashMap.newKeySet();
  private final Set<String> fallback = ConcurrentHashMap.newKeySet();
  private volatile String failingRangeAfter = "-";
  private volatile CountDownLatch overlap = new CountDownLatch(0);

  final List<Attempt> attempts = new CopyOnWriteArrayList<>();
  final List<PortfolioRecord> records = new CopyOnWriteArrayList<>();
  final List<PortfolioStart> starts = new CopyOnWriteArrayList<>();
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();

  FakePortfolioActivities(int buildings, LongSupplier clock) {
    this.ids = IntStream.range(0, buildings).mapToObj(i -> "b%03d".formatted(i)).toList();
    this.clock = clock;
  }

  /** The building fails (retryable) on its first {@code attempts} attempts. */
  FakePortfolioActivities failing(String id, int attempts) {
    failFor.put(id, attempts);
    return this;
  }

  FakePortfolioActivities invalid(String id) {
    invalid.add(id);
    return this;
  }

  FakePortfolioActivities skipped(String id) {
    skipped.add(id);
    return this;
  }

  FakePortfolioActivities fallingBack(String id) {
    fallback.add(id);
    return this;
  }

  /** Every attempt of the range batch starting after {@code after} (null: the first) fails. */
  FakePortfolioActivities failingRange(String after) {
    failingRangeAfter = after;
    return this;
  }

  /**
   * The first {@code batches} batches wait for each other (at most 10 s), so that at least that
   * many are in flight at once if the workflow lets them; later batches do not wait.
   */
  FakePortfolioActivities overlapping(int batches) {
    overlap = new CountDownLatch(batches);
    return this;
  }

  @Override
  public PortfolioPlan begin(PortfolioStart start) {
    starts.add(start);
    List<String> ends = new ArrayList<>();
    for (int i = start.batchSize() - 1; i < ids.size(); i += start.batchSize()) {
      ends.add(ids.get(i));
    }
    return new PortfolioPlan(7, ids.size(), ends);
  }

  @Override
  public PortfolioBatchResult optimize(PortfolioBatch batch) {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      if (!batch.byIds() && java.util.Objects.equals(batch.afterBuildingId(), failingRangeAfter)) {
        throw ApplicationFailure.newFailure("database is down", "Database");
      }
      overlap.countDown();
      overlap.await(10, TimeUnit.SECONDS);
      List<String> buildings = buildingsOf(batch).buildingIds();
      int done = 0;
      Map<String, Integer> reasons = new TreeMap<>();
      List<BuildingProblem> problems = new ArrayList<>();
      for (String id : buildings) {
        attempts.add(new Attempt(id, batch.attempt(), clock.getAsLong()));
        if (invalid.contains(id)) {
          problems.add(
              new BuildingProblem(id, Status.FAILED, "invalid configuration: no curve", 1, false));
        } else if (skipped.contains(id)) {
          problems.add(new BuildingProblem(id, Status.SKIPPED, "inactive", batch.attempt(), false));
        } else if (failFor.getOrDefault(id, 0) >= batch.attempt()) {
          problems.add(
              new BuildingProblem(id, Status.FAILED, "broker timeout", batch.attempt(), true));
        } else if (fallback.contains(id)) {
          reasons.merge("NO_ROOM_MEASUREMENT", 1, Integer::sum);
        } else {
          done++;
        }
      }
      return new PortfolioBatchResult(
          buildings.size(), done, buildings.size() - done - problems.size(), reasons, problems);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  @Override
  public PortfolioBuildings buildingsOf(PortfolioBatch batch) {
    if (batch.byIds()) {
      return new PortfolioBuildings(batch.buildingIds());
    }
    return new PortfolioBuildings(
        ids.stream()
            .filter(
                id -> batch.afterBuildingId() == null || id.compareTo(batch.afterBuildingId()) > 0)
            .filter(
                id ->
                    batch.throughBuildingId() == null
                        || id.compareTo(batch.throughBuildingId()) <= 0)
            .toList());
  }

  @Override
  public void record(PortfolioRecord record) {
    records.add(record);
  }

  PortfolioRecord last() {
    return records.get(records.size() - 1);
  }

  /** Every problem building written, in order. */
  List<BuildingProblem> problemsWritten() {
    return records.stream().flatMap(r -> r.problems().stream()).toList();
  }

  List<Attempt> attemptsOf(String id) {
    return attempts.stream().filter(a -> a.buildingId().equals(id)).toList();
  }
}
