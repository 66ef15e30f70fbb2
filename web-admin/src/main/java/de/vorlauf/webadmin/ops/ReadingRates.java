package de.vorlauf.webadmin.ops;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Readings stored per minute, from the change of the stored-readings counters ({@code
 * device_status.reading_count}) between samples taken while someone watches the fleet. That counts
 * what the workers store, backlog included: counting readings whose own timestamp is recent (as
 * before) showed 8 per minute while 45,000 a second of backlog went in.
 *
 * <p>Samples live in memory, at most one per {@link #SPACING}, for {@link #KEEP}: right after a
 * restart there is no rate yet, and that is said rather than shown as 0.
 */
@ApplicationScoped
public class ReadingRates {

  static final Duration SPACING = Duration.ofSeconds(10);
  static final Duration KEEP = Duration.ofMinutes(30);

  /** The rate is measured over about this long, or over what exists of it. */
  static final Duration WINDOW = Duration.ofMinutes(5);

  /** Shorter than this and two samples say little. */
  static final Duration MIN_SPAN = Duration.ofSeconds(20);

  /** The stored-readings counters at one time. */
  record Sample(Instant at, long total, Map<String, Long> perBuilding) {}

  /** Readings stored per minute between two samples, at the later one. */
  public record Point(Instant at, double perMinute) {}

  private final Deque<Sample> samples = new ArrayDeque<>();

  /** Whether a new sample is due (the caller then reads the counters and calls {@link #add}). */
  public synchronized boolean due(Instant now) {
    return samples.isEmpty() || !now.isBefore(samples.peekLast().at().plus(SPACING));
  }

  public synchronized void add(Instant now, Map<String, Long> perBuilding) {
    long total = perBuilding.values().stream().mapToLong(Long::longValue).sum();
    samples.addLast(new Sample(now, total, Map.copyOf(perBuilding)));
    while (samples.peekFirst().at().isBefore(now.minus(KEEP))) {
      samples.removeFirst();
    }
  }

  /** The fleet's rate over the window up to the newest sample; null while there is too little. */
  public synchronized Double fleetPerMinute() {
    Sample base = base();
    Sample last = samples.peekLast();
    return base == null ? null : perMinute(last.total() - base.total(), base.at(), last.at());
  }

  /**
   * One building's rate over the window up to {@code now}, given its counter now; null while there
   * is too little, or when the building had no counter at the window's start.
   */
  public synchronized Double buildingPerMinute(String buildingId, long storedNow, Instant now) {
    Sample base = base();
    if (base == null || Duration.between(base.at(), now).compareTo(MIN_SPAN) < 0) {
      return null;
    }
    Long then = base.perBuilding().get(buildingId);
    return perMinute(storedNow - (then == null ? 0 : then), base.at(), now);
  }

  /** The fleet's rate between consecutive samples, oldest first, for a chart. */
  public synchronized List<Point> history() {
    List<Point> points = new ArrayList<>();
    Iterator<Sample> it = samples.iterator();
    Sample previous = it.hasNext() ? it.next() : null;
    while (it.hasNext()) {
      Sample next = it.next();
      points.add(
          new Point(
              next.at(), perMinute(next.total() - previous.total(), previous.at(), next.at())));
      previous = next;
    }
    return points;
  }

  /** The oldest sample within the window before the newest, if far enough from it. */
  private Sample base() {
    Sample last = samples.peekLast();
    if (last == null) {
      return null;
    }
    Sample base = null;
    for (Sample s : samples) {
      if (!s.at().isBefore(last.at().minus(WINDOW))) {
        base = s;
        break;
      }
    }
    return base == null || Duration.between(base.at(), last.at()).compareTo(MIN_SPAN) < 0
        ? null
        : base;
  }

  private static double perMinute(long readings, Instant from, Instant to) {
    double minutes = Duration.between(from, to).toMillis() / 60_000.0;
    // a counter that went down (a device deleted) is no negative rate
    return minutes <= 0 ? 0 : Math.max(0, readings) / minutes;
  }
}
