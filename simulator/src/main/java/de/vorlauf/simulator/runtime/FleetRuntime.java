package de.vorlauf.simulator.runtime;

import de.vorlauf.simulator.cloud.RecordedCloudData;
import de.vorlauf.simulator.faults.FaultInjector;
import de.vorlauf.simulator.faults.Publication;
import de.vorlauf.simulator.mqtt.FleetConnections;
import de.vorlauf.simulator.mqtt.Topics;
import de.vorlauf.simulator.physics.SensorSample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steps the fleet minute by minute in simulated time and publishes each minute.
 *
 * <p>Backfill: from each building's start to the current minute as fast as ingestion commits it (on
 * the devices' backlog topics, each connection with at most {@code backlogWindow} messages not yet
 * committed: the broker's share of a backfill is bounded), with historical timestamps, in chunks of
 * one simulated hour (after each chunk the vendor cloud's "now" moves on, so the cloud fills up
 * while the backfill runs). Live: at every real minute boundary, the minute just completed; a
 * sample's time is a whole minute that has already passed, and clock skew can move it back but
 * never past the real now.
 *
 * <p>Buildings are split into {@code stepThreads} partitions (whole connections per partition, so
 * each connection's messages keep their order); each partition steps, renders and publishes its
 * buildings on its own thread, and the connections' PUBACK windows overlap it all.
 */
public final class FleetRuntime implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FleetRuntime.class);
  private static final long CHUNK_MINUTES = 60;
  private static final long LIVE_TICK_MILLIS = 1_000;

  private final List<SimulatedBuilding> published;
  private final List<SimulatedBuilding> cloudBuildings;
  private final List<List<SimulatedBuilding>> partitions;
  private final FleetConnections connections;
  private final FaultInjector faults;
  private final GroundTruthLedger ledger;
  private final RecordedCloudData cloud;
  private final Clock clock;
  private final BackfillMarker marker;
  private final ExecutorService steppers;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final AtomicLong buildingMinutes = new AtomicLong();
  private final AtomicLong liveMinutes = new AtomicLong();
  private volatile long backfillTotal;
  private volatile boolean backfilling = true;
  private volatile Instant backfillStartedAt;
  private volatile Duration backfillTook;
  private volatile long backfillReadings;

  FleetRuntime(
      List<SimulatedBuilding> published,
      List<SimulatedBuilding> cloudBuildings,
      FleetConnections connections,
      FaultInjector faults,
      GroundTruthLedger ledger,
      RecordedCloudData cloud,
      Clock clock,
      BackfillMarker marker,
      int stepThreads) {
    this.published = List.copyOf(published);
    this.cloudBuildings = List.copyOf(cloudBuildings);
    this.connections = connections;
    this.faults = faults;
    this.ledger = ledger;
    this.cloud = cloud;
    this.clock = clock;
    this.marker = marker;
    this.partitions = partition(published, cloudBuildings, stepThreads);
    AtomicInteger n = new AtomicInteger();
    this.steppers =
        Executors.newFixedThreadPool(
            partitions.size(), r -> new Thread(r, "sim-step-" + n.incrementAndGet()));
  }

  /** Gateways' devices stay together; the cloud buildings are spread last. */
  private static List<List<SimulatedBuilding>> partition(
      List<SimulatedBuilding> published, List<SimulatedBuilding> cloud, int threads) {
    List<List<SimulatedBuilding>> parts = new ArrayList<>();
    int count = Math.max(1, Math.min(threads, published.size() + cloud.size()));
    for (int i = 0; i < count; i++) {
      parts.add(new ArrayList<>());
    }
    Map<String, Integer> groups = new HashMap<>();
    for (SimulatedBuilding b : published) {
      String group = b.gatewayId() == null ? b.deviceId() : b.gatewayId();
      int index = groups.computeIfAbsent(group, g -> groups.size());
      parts.get(index % count).add(b);
    }
    for (int i = 0; i < cloud.size(); i++) {
      parts.get(i % count).add(cloud.get(i));
    }
    parts.removeIf(List::isEmpty);
    return parts;
  }

  /** Backfills, then publishes live until {@link #stop}; returns after the stop. */
  public void run() throws InterruptedException {
    backfill();
    if (stopRequested.getCount() == 0) {
      return;
    }
    live();
  }

  private void backfill() throws InterruptedException {
    Instant now = Minutes.floor(clock.instant());
    backfillStartedAt = clock.instant();
    long readingsBefore = ledger.readingsPublished();
    backfillTotal = all().stream().mapToLong(b -> Minutes.between(b.published(), now)).sum();
    log.info(
        "backfill: {} building-minutes up to {} ({} MQTT buildings, {} cloud installations)",
        backfillTotal,
        now,
        published.size(),
        cloudBuildings.size());
    Instant target = now;
    while (stopRequested.getCount() > 0) {
      Instant from = earliest();
      if (!from.isBefore(target)) {
        Instant later = Minutes.floor(clock.instant());
        if (!later.isAfter(target)) {
          break;
        }
        backfillTotal += Minutes.between(target, later) * all().size();
        target = later; // the backfill took minutes: catch up before going live
        continue;
      }
      Instant chunkEnd = min(from.plusSeconds(CHUNK_MINUTES * 60), target);
      stepAll(chunkEnd);
    }
    if (stopRequested.getCount() == 0) {
      return;
    }
    if (!connections.drainBacklog(Duration.ofMinutes(10))) {
      log.warn(
          "backfill: ingestion has not committed {} messages after 10 minutes",
          connections.awaitingReceiptCount());
    }
    backfillTook = Duration.between(backfillStartedAt, clock.instant());
    backfillReadings = ledger.readingsPublished() - readingsBefore;
    backfilling = false;
    if (!marker.exists() && backfillReadings > 0) {
      marker.write(backfillStartedAt, target, backfillReadings);
    }
    log.info(
        "backfill done: {} readings in {} s ({} readings/s); live from {}",
        backfillReadings,
        backfillTook.toMillis() / 1000.0,
        Math.round(backfillRate()),
        target);
  }

  private void live() throws InterruptedException {
    Instant next = Minutes.floor(clock.instant()).plusSeconds(60).plusMillis(250);
    while (true) {
      // a second at a time, so a clock that jumps (a test's, moved to the next minute) is
      // followed at once rather than after the wait the old time asked for
      long wait = Math.max(0, next.toEpochMilli() - clock.millis());
      if (stopRequested.await(Math.min(wait, LIVE_TICK_MILLIS), TimeUnit.MILLISECONDS)) {
        return;
      }
      if (clock.instant().isBefore(next)) {
        continue;
      }
      next = Minutes.floor(clock.instant()).plusSeconds(60).plusMillis(250);
      Instant target = Minutes.floor(clock.instant());
      if (earliest().isBefore(target)) {
        stepAll(target);
        liveMinutes.incrementAndGet();
      }
    }
  }

  /** Driven from outside ({@link #advanceTo}): live from the start, no backfill, no own loop. */
  void drive() {
    backfilling = false;
  }

  /** One step of a driven fleet: every building to {@code target}, published live. */
  void advanceTo(Instant target) throws InterruptedException {
    if (backfilling) {
      throw new IllegalStateException("not a driven runtime");
    }
    if (target.isAfter(clock.instant())) {
      throw new IllegalArgumentException(target + " is after the clock's now " + clock.instant());
    }
    long before = buildingMinutes.get();
    stepAll(Minutes.floor(target));
    liveMinutes.addAndGet((buildingMinutes.get() - before) / Math.max(1, all().size()));
  }

  /** Steps every partition up to {@code target} in parallel and waits for all of them. */
  private void stepAll(Instant target) throws InterruptedException {
    List<Callable<Void>> tasks = new ArrayList<>();
    for (List<SimulatedBuilding> part : partitions) {
      tasks.add(
          () -> {
            stepPartition(part, target);
            return null;
          });
    }
    List<Future<Void>> results = steppers.invokeAll(tasks);
    for (Future<Void> result : results) {
      try {
        result.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("a simulation step failed", e.getCause());
      }
    }
    if (cloud != null && !cloudBuildings.isEmpty()) {
      Instant cloudNow =
          cloudBuildings.stream()
              .map(SimulatedBuilding::published)
              .min(Instant::compareTo)
              .orElseThrow();
      if (cloud.now().map(n -> n.isBefore(cloudNow)).orElse(true)) {
        cloud.advanceTo(cloudNow);
      }
    }
  }

  private void stepPartition(List<SimulatedBuilding> part, Instant target)
      throws InterruptedException {
    Instant from =
        part.stream().map(SimulatedBuilding::published).min(Instant::compareTo).orElse(target);
    for (Instant minute = from.plusSeconds(60);
        !minute.isAfter(target);
        minute = minute.plusSeconds(60)) {
      if (stopRequested.getCount() == 0) {
        return;
      }
      for (SimulatedBuilding building : part) {
        if (building.published().isBefore(minute)) {
          step(building, minute);
          buildingMinutes.incrementAndGet();
        }
      }
    }
  }

  private void step(SimulatedBuilding building, Instant minute) throws InterruptedException {
    List<SensorSample> truth = building.step(minute);
    if (building.installationId() != null) {
      cloud.record(building.installationId(), minute, truth);
      return;
    }
    String device = building.deviceId();
    Publication publication = faults.decide(device, minute, truth);
    if (publication.skipped()) {
      ledger.skipped(device);
      return;
    }
    Instant timestamp = minute.plus(publication.skew());
    Instant now = clock.instant();
    if (timestamp.isAfter(now)) {
      timestamp = minute.isAfter(now) ? now : minute; // never a time in the future
    }
    List<SensorSample> samples = publication.samples();
    byte[] payload;
    if (publication.malformed()) {
      payload = MessageRenderer.malformed(device, timestamp, samples, building.gatewayId());
      ledger.malformed(device, samples.size());
    } else {
      payload = MessageRenderer.render(device, timestamp, samples, building.gatewayId());
      ledger.published(device, timestamp, samples);
    }
    if (backfilling) {
      // history: on the backlog topic, paced by ingestion's commit receipts
      connections.forDevice(device).publishBacklog(device, payload);
    } else {
      connections.forDevice(device).publish(Topics.sensors(device), payload);
    }
  }

  private List<SimulatedBuilding> all() {
    List<SimulatedBuilding> all = new ArrayList<>(published);
    all.addAll(cloudBuildings);
    return all;
  }

  private Instant earliest() {
    return all().stream()
        .map(SimulatedBuilding::published)
        .min(Instant::compareTo)
        .orElse(Minutes.floor(clock.instant()));
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** Asks {@link #run} to return after the minute it is publishing. */
  public void stop() {
    stopRequested.countDown();
  }

  public boolean backfilling() {
    return backfilling;
  }

  /** Building-minutes stepped so far, and the share of the backfill done (1 once live). */
  public double backfillShare() {
    long total = backfillTotal;
    return !backfilling || total == 0 ? 1.0 : Math.min(1.0, buildingMinutes.get() / (double) total);
  }

  public long liveMinutes() {
    return liveMinutes.get();
  }

  /** Readings per second of the completed backfill (0 before). */
  public double backfillRate() {
    Duration took = backfillTook;
    return took == null || took.isZero() ? 0 : backfillReadings * 1000.0 / took.toMillis();
  }

  public Duration backfillDuration() {
    return backfillTook;
  }

  @Override
  public void close() {
    stop();
    steppers.shutdownNow();
    try {
      steppers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
