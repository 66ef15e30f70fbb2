package de.vorlauf.simulator.runtime;

import de.vorlauf.domain.sensor.SensorCatalogue;
import de.vorlauf.domain.sensor.SensorDefinition;
import de.vorlauf.simulator.physics.SensorSample;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the simulator published, per device and sensor, and what ingestion should make of it: the
 * truth an end-to-end test compares the database with.
 *
 * <p>Per reading of a well-formed message it predicts the outcome from the sensor catalogue alone
 * (the ingestion rules that can apply to our own messages): stored; quarantined as {@code
 * non_finite}, {@code out_of_range}, {@code unknown_sensor} or {@code invalid_quality}; or dropped
 * as a duplicate when clock skew gave two messages of a device the same timestamp (the store's key
 * is device, sensor, time). Malformed messages count apart: each becomes one {@code malformed_json}
 * quarantine entry. Messages the broker refused (ACL) are counted so a test can insist on zero.
 */
public final class GroundTruthLedger {

  /** One sensor of one device. {@code quarantined} maps reason code → readings. */
  public record SensorCount(
      long published, long expectedStored, long duplicates, Map<String, Long> quarantined) {}

  /** One device. */
  public record DeviceCount(
      String deviceId,
      long messages,
      long malformedMessages,
      long malformedReadings,
      long skippedMinutes,
      Map<String, SensorCount> sensors) {

    public long expectedStored() {
      return sensors.values().stream().mapToLong(SensorCount::expectedStored).sum();
    }
  }

  private static final Set<String> QUALITIES = Set.of("good", "bad", "uncertain");

  private final SensorCatalogue catalogue = SensorCatalogue.standard();
  private final Map<String, Tally> devices = new ConcurrentHashMap<>();
  private final LongAdder readings = new LongAdder();
  private final LongAdder messages = new LongAdder();
  private final LongAdder refused = new LongAdder();

  /** A well-formed message as published (values as rendered). */
  public void published(String deviceId, Instant timestamp, List<SensorSample> samples) {
    tally(deviceId).message(timestamp, samples);
    readings.add(samples.size());
    messages.increment();
  }

  public void malformed(String deviceId, int readingsInside) {
    Tally tally = tally(deviceId);
    synchronized (tally) {
      tally.malformedMessages++;
      tally.malformedReadings += readingsInside;
    }
    readings.add(readingsInside);
    messages.increment();
  }

  public void skipped(String deviceId) {
    Tally tally = tally(deviceId);
    synchronized (tally) {
      tally.skipped++;
    }
  }

  public void refused(String topic) {
    refused.increment();
  }

  public long readingsPublished() {
    return readings.sum();
  }

  public long messagesPublished() {
    return messages.sum();
  }

  public long refusedMessages() {
    return refused.sum();
  }

  /** A consistent copy per device, sorted by device id. */
  public Map<String, DeviceCount> snapshot() {
    Map<String, DeviceCount> copy = new TreeMap<>();
    devices.forEach((id, tally) -> copy.put(id, tally.count(id)));
    return copy;
  }

  public Optional<DeviceCount> device(String deviceId) {
    return Optional.ofNullable(devices.get(deviceId)).map(t -> t.count(deviceId));
  }

  private Tally tally(String deviceId) {
    return devices.computeIfAbsent(deviceId, d -> new Tally());
  }

  private String verdict(SensorSample sample) {
    Optional<SensorDefinition> sensor = catalogue.find(sample.sensorId());
    double value = MessageRenderer.rounded(sample.value());
    if (sensor.isEmpty()) {
      return "unknown_sensor";
    }
    if (!Double.isFinite(value)) {
      return "non_finite";
    }
    if (!sensor.get().inRange(value)) {
      return "out_of_range";
    }
    if (!QUALITIES.contains(sample.quality())) {
      return "invalid_quality";
    }
    return null;
  }

  private final class Tally {
    long messages;
    long malformedMessages;
    long malformedReadings;
    long skipped;
    final Map<String, long[]> sensors = new HashMap<>(); // published, stored, duplicates
    final Map<String, Map<String, Long>> quarantined = new HashMap<>();
    // keys of the last minutes: skew is bounded, so only recent timestamps can collide
    final Map<Long, Set<String>> recentKeys = new HashMap<>();
    final Deque<Long> recentOrder = new ArrayDeque<>();

    synchronized void message(Instant timestamp, List<SensorSample> samples) {
      messages++;
      long millis = timestamp.toEpochMilli();
      Set<String> seen = recentKeys.get(millis);
      if (seen == null) {
        seen = new HashSet<>();
        recentKeys.put(millis, seen);
        recentOrder.addLast(millis);
        while (recentOrder.size() > 32) {
          recentKeys.remove(recentOrder.removeFirst());
        }
      }
      for (SensorSample sample : samples) {
        long[] count = sensors.computeIfAbsent(sample.sensorId(), s -> new long[3]);
        count[0]++;
        String reason = verdict(sample);
        if (reason != null) {
          quarantined
              .computeIfAbsent(sample.sensorId(), s -> new TreeMap<>())
              .merge(reason, 1L, Long::sum);
        } else if (seen.add(sample.sensorId())) {
          count[1]++;
        } else {
          count[2]++;
        }
      }
    }

    synchronized DeviceCount count(String deviceId) {
      Map<String, SensorCount> perSensor = new TreeMap<>();
      sensors.forEach(
          (sensor, c) ->
              perSensor.put(
                  sensor,
                  new SensorCount(
                      c[0], c[1], c[2], Map.copyOf(quarantined.getOrDefault(sensor, Map.of())))));
      return new DeviceCount(
          deviceId, messages, malformedMessages, malformedReadings, skipped, perSensor);
    }
  }
}
