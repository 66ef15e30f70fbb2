package de.vorlauf.ingest.pipeline;

import de.vorlauf.domain.ingest.Lane;
import de.vorlauf.persistence.ingest.QuarantineStore;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the pipeline did since this process started, for the health endpoint and the UI. Every rule
 * counts under its reason code. Cheap to update from many threads.
 */
public final class IngestCounters {

  private final LongAdder messages = new LongAdder();
  private final LongAdder readingsStored = new LongAdder();
  private final LongAdder readingsDuplicate = new LongAdder();
  private final LongAdder quarantineStored = new LongAdder();
  private final LongAdder quarantineDuplicate = new LongAdder();
  private final LongAdder quarantineDropped = new LongAdder();
  private final ConcurrentMap<String, LongAdder> rejectedByReason = new ConcurrentHashMap<>();
  private final Map<Lane, LaneCounter> lanes = new EnumMap<>(Lane.class);

  IngestCounters() {
    for (Lane lane : Lane.values()) {
      lanes.put(lane, new LaneCounter());
    }
  }

  /** One lane's commits; the last lag is written by whichever commit came last. */
  private static final class LaneCounter {
    final LongAdder messages = new LongAdder();
    final LongAdder receiveToCommitNanos = new LongAdder();
    volatile Duration lastLag;
    volatile Instant lastCommitAt;
  }

  void committed(Lane lane, Instant receivedAt, Instant newestReading, Instant now) {
    LaneCounter counter = lanes.get(lane);
    counter.messages.increment();
    counter.receiveToCommitNanos.add(Math.max(0, Duration.between(receivedAt, now).toNanos()));
    if (newestReading != null) {
      counter.lastLag = Duration.between(newestReading, now);
    }
    counter.lastCommitAt = now;
  }

  public LaneStats lane(Lane lane) {
    LaneCounter counter = lanes.get(lane);
    return new LaneStats(
        lane,
        counter.messages.sum(),
        counter.receiveToCommitNanos.sum(),
        counter.lastLag,
        counter.lastCommitAt);
  }

  void message() {
    messages.increment();
  }

  void readings(int stored, int duplicates) {
    readingsStored.add(stored);
    readingsDuplicate.add(duplicates);
  }

  void rejected(String reason) {
    rejectedByReason.computeIfAbsent(reason, r -> new LongAdder()).increment();
  }

  void quarantine(QuarantineStore.Fate fate) {
    switch (fate) {
      case STORED -> quarantineStored.increment();
      case DUPLICATE -> quarantineDuplicate.increment();
      case DROPPED -> quarantineDropped.increment();
    }
  }

  public IngestStats snapshot() {
    Map<String, Long> byReason = new TreeMap<>();
    rejectedByReason.forEach((reason, count) -> byReason.put(reason, count.sum()));
    return new IngestStats(
        messages.sum(),
        readingsStored.sum(),
        readingsDuplicate.sum(),
        byReason,
        quarantineStored.sum(),
        quarantineDuplicate.sum(),
        quarantineDropped.sum());
  }
}
