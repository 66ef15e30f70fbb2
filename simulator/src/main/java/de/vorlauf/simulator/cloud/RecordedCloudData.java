package de.vorlauf.simulator.cloud;

import de.vorlauf.simulator.physics.SensorSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * What the simulated cloud knows: the installations and, per feature, one value per simulated
 * minute. The physics writes here and the server only reads, so a test can compare what a polling
 * client stored with {@link #history} and know it compares against exactly what was served.
 *
 * <p>The cloud has its own "now" ({@link #advanceTo}): values may be recorded ahead of it, but
 * nothing after it is ever served, neither as a latest value nor in a history. That is how a real
 * cloud looks to a poller: data appears as time passes, never from the future.
 *
 * <p>Thread-safe. Installations are only ever added; each has its own read/write lock so the
 * physics recording one installation does not stall the server reading another.
 */
public final class RecordedCloudData {

  private final Map<String, Recorded> byId = new ConcurrentHashMap<>();
  private final List<CloudInstallation> order = new CopyOnWriteArrayList<>();
  private final Object nowLock = new Object();
  private volatile Instant now;

  public void addInstallation(CloudInstallation installation) {
    Recorded recorded = new Recorded(installation);
    if (byId.putIfAbsent(installation.installationId(), recorded) != null) {
      throw new IllegalArgumentException(
          "installation " + installation.installationId() + " exists already");
    }
    order.add(installation);
  }

  /**
   * Records the samples of one minute. Samples of sensors the installation has no feature for, and
   * non-finite values, are left out: the vendor's API has no way to express them. Recording a
   * minute again replaces its values.
   *
   * @param minute truncated to the minute; the served timestamp is the start of that minute
   * @throws IllegalArgumentException for an unknown installation or a unit the catalogue refuses
   */
  public void record(String installationId, Instant minute, List<SensorSample> samples) {
    Recorded recorded = require(installationId);
    long m = minuteOf(minute);
    recorded.lock.writeLock().lock();
    try {
      for (SensorSample sample : samples) {
        Optional<CloudFeature> feature = CloudFeature.bySensor(sample.sensorId());
        if (feature.isEmpty() || !Double.isFinite(sample.value())) {
          continue;
        }
        FeatureSeries series = recorded.series.get(feature.get());
        if (series != null) {
          series.put(m, feature.get().toVendorValue(sample.value(), sample.unit()));
        }
      }
    } finally {
      recorded.lock.writeLock().unlock();
    }
  }

  /**
   * Moves the cloud's clock. It never goes back: a poller that has seen a value must never see the
   * cloud forget it.
   *
   * @throws IllegalArgumentException when {@code now} is before the current now
   */
  public void advanceTo(Instant now) {
    Objects.requireNonNull(now, "now");
    synchronized (nowLock) {
      if (this.now != null && now.isBefore(this.now)) {
        throw new IllegalArgumentException("cloud time " + this.now + " cannot go back to " + now);
      }
      this.now = now;
    }
  }

  /** The cloud's now, empty before the first {@link #advanceTo}. */
  public Optional<Instant> now() {
    return Optional.ofNullable(now);
  }

  public List<CloudInstallation> installations() {
    return List.copyOf(order);
  }

  public Optional<CloudInstallation> installation(String installationId) {
    return Optional.ofNullable(byId.get(installationId)).map(r -> r.installation);
  }

  /** The newest value of a feature at or before now, empty if it has none yet. */
  public Optional<CloudPoint> latest(String installationId, String feature) {
    Recorded recorded = require(installationId);
    CloudFeature f = requireFeature(recorded, feature);
    recorded.lock.readLock().lock();
    try {
      FeatureSeries series = recorded.series.get(f);
      long m = series.latestAtOrBefore(nowMinute());
      return m == Long.MIN_VALUE ? Optional.empty() : Optional.of(point(f, m, series.valueAt(m)));
    } finally {
      recorded.lock.readLock().unlock();
    }
  }

  /**
   * The points with {@code fromExclusive < timestamp <= min(toInclusive, now)}, ascending, at most
   * {@code limit}; what the history endpoint answers.
   */
  public CloudPage page(
      String installationId,
      String feature,
      Instant fromExclusive,
      Instant toInclusive,
      int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative");
    }
    Recorded recorded = require(installationId);
    CloudFeature f = requireFeature(recorded, feature);
    long first = minuteOf(fromExclusive) + 1;
    long last = Math.min(minuteOf(toInclusive), nowMinute());
    List<CloudPoint> points = new ArrayList<>(Math.min(limit, 1_024));
    recorded.lock.readLock().lock();
    try {
      FeatureSeries series = recorded.series.get(f);
      boolean truncated =
          series.forEachIn(first, last, limit, m -> points.add(point(f, m, series.valueAt(m))));
      return new CloudPage(points, truncated);
    } finally {
      recorded.lock.readLock().unlock();
    }
  }

  /** Every point the server would serve for the window, without paging: the truth for tests. */
  public List<CloudPoint> history(
      String installationId, String feature, Instant fromExclusive, Instant toInclusive) {
    return page(installationId, feature, fromExclusive, toInclusive, Integer.MAX_VALUE).points();
  }

  private long nowMinute() {
    Instant current = now;
    return current == null ? Long.MIN_VALUE : minuteOf(current);
  }

  private static long minuteOf(Instant t) {
    return Math.floorDiv(t.getEpochSecond(), 60L);
  }

  private static CloudPoint point(CloudFeature feature, long minute, double value) {
    return new CloudPoint(Instant.ofEpochSecond(minute * 60L), value, feature.vendorUnit());
  }

  private Recorded require(String installationId) {
    Recorded recorded = byId.get(installationId);
    if (recorded == null) {
      throw new IllegalArgumentException("unknown installation " + installationId);
    }
    return recorded;
  }

  private static CloudFeature requireFeature(Recorded recorded, String feature) {
    return CloudFeature.byName(feature)
        .filter(recorded.series::containsKey)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "installation "
                        + recorded.installation.installationId()
                        + " has no feature "
                        + feature));
  }

  private static final class Recorded {
    final CloudInstallation installation;
    final Map<CloudFeature, FeatureSeries> series = new EnumMap<>(CloudFeature.class);
    final ReadWriteLock lock = new ReentrantReadWriteLock();

    Recorded(CloudInstallation installation) {
      this.installation = installation;
      for (String feature : installation.features()) {
        series.put(CloudFeature.byName(feature).orElseThrow(), new FeatureSeries());
      }
    }
  }
}
