package de.vorlauf.workflows.etl;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Activities over an in-memory feature store keyed by building-day: a write replaces, as the real
 * store does. Buildings can fail always, batches can fail a few times, and one batch can block (to
 * stop the worker under it).
 */
final class FakeEtlActivities implements EtlActivities {

  /** building|day → run id of the last write. */
  final Map<String, String> store = new ConcurrentHashMap<>();

  final AtomicInteger writes = new AtomicInteger();
  final AtomicInteger batchAttempts = new AtomicInteger();
  final List<String> buildings;
  private final Set<String> alwaysFailing = ConcurrentHashMap.newKeySet();
  private final AtomicInteger transientBatchFailures = new AtomicInteger();
  private volatile CountDownLatch block;
  private volatile boolean crash;
  final CountDownLatch blocked = new CountDownLatch(1);

  FakeEtlActivities(int buildingCount) {
    buildings = IntStream.range(0, buildingCount).mapToObj(i -> "b%03d".formatted(i)).toList();
  }

  FakeEtlActivities failingAlways(String buildingId) {
    alwaysFailing.add(buildingId);
    return this;
  }

  FakeEtlActivities failingBatches(int times) {
    transientBatchFailures.set(times);
    return this;
  }

  /** The first batch heartbeats one building-day, then waits on the returned latch. */
  CountDownLatch blockFirstBatch() {
    block = new CountDownLatch(1);
    return block;
  }

  /** The first batch heartbeats one building-day, then dies as its worker would. */
  FakeEtlActivities crashFirstBatch() {
    crash = true;
    return this;
  }

  @Override
  public EtlPlan plan(EtlRequest request) {
    if (request.mode() == EtlMode.NIGHTLY) {
      return new EtlPlan(buildings.size());
    }
    if (request.to().toEpochDay() - request.from().toEpochDay() >= 366) {
      throw ApplicationFailure.newNonRetryableFailure(
          "a backfill covers at most one year", EtlActivities.REFUSED);
    }
    long days = request.to().toEpochDay() - request.from().toEpochDay() + 1;
    long count = request.buildingIds().isEmpty() ? buildings.size() : request.buildingIds().size();
    return new EtlPlan(count * days);
  }

  @Override
  public BuildingPage activeBuildings(String afterBuildingId, int limit) {
    return new BuildingPage(
        buildings.stream()
            .filter(id -> afterBuildingId == null || id.compareTo(afterBuildingId) > 0)
            .limit(limit)
            .toList());
  }

  @Override
  public EtlBatchResult processBatch(EtlBatch batch) {
    batchAttempts.incrementAndGet();
    ActivityExecutionContext context = Activity.getExecutionContext();
    EtlBatchResult sofar =
        context.getHeartbeatDetails(EtlBatchResult.class).orElse(EtlBatchResult.empty());
    List<BuildingDayFailure> failures = new ArrayList<>(sofar.failures());
    long items = 0;
    long done = sofar.done();
    long failed = sofar.failed();
    for (String building : batch.buildingIds()) {
      for (LocalDate day : days(batch)) {
        if (items++ < sofar.items()) {
          continue;
        }
        if (alwaysFailing.contains(building)) {
          failed++;
          failures.add(new BuildingDayFailure(building, day, "no heating circuit configured"));
        } else {
          store.put(building + "|" + day, batch.runId());
          writes.incrementAndGet();
          done++;
        }
        context.heartbeat(new EtlBatchResult(items, done, failed, done * 96, failures));
        CountDownLatch latch = block;
        if (latch != null) {
          block = null;
          blocked.countDown();
          await(latch);
        }
        if (crash) {
          crash = false;
          throw new IllegalStateException("worker stopped");
        }
      }
      if (transientBatchFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new IllegalStateException("connection reset by peer");
      }
    }
    return new EtlBatchResult(items, done, failed, done * 96, failures);
  }

  @Override
  public void applyRetention(Instant asOf) {}

  long storedFor(String runId) {
    return store.values().stream().filter(runId::equals).count();
  }

  Optional<String> runOf(String buildingId, LocalDate day) {
    return Optional.ofNullable(store.get(buildingId + "|" + day));
  }

  private static List<LocalDate> days(EtlBatch batch) {
    if (batch.mode() == EtlMode.NIGHTLY) {
      return List.of(LocalDate.ofInstant(batch.asOf(), ZoneOffset.UTC).minusDays(1));
    }
    return batch.from().datesUntil(batch.to().plusDays(1)).toList();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
