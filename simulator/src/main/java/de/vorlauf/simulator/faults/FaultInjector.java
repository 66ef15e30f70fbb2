package de.vorlauf.simulator.faults;

import de.vorlauf.domain.sensor.Quality;
import de.vorlauf.domain.sensor.SensorCatalogue;
import de.vorlauf.domain.sensor.SensorDefinition;
import de.vorlauf.simulator.physics.SeedMix;
import de.vorlauf.simulator.physics.SensorSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides, per device and minute, which faults a message carries. Every decision is a hash of
 * (seed, device, minute[, sensor]) rather than a draw from a shared stream, so the same seed gives
 * the same faults for a device-minute whatever the order, threads or restarts; episodes (stuck,
 * offline) are found by looking back over their maximum length.
 *
 * <p>The one piece of state is the value a stuck sensor repeats: the truth of the minute its
 * episode began, remembered when that minute is decided. A caller that joins mid-episode (after a
 * restart) gets the first value it shows instead. Thread-safe.
 */
public final class FaultInjector {

  static final int STUCK_MIN_MINUTES = 5;
  static final int STUCK_MAX_MINUTES = 30;

  private static final long OFFLINE = 1;
  private static final long GAP = 2;
  private static final long MALFORMED = 3;
  private static final long SKEW = 4;
  private static final long STUCK = 5;
  private static final long SPIKE = 6;
  private static final long QUALITY = 7;

  private final long seed;
  private final FaultRates rates;
  private final SensorCatalogue catalogue = SensorCatalogue.standard();
  private final Map<String, StuckValue> stuckValues = new ConcurrentHashMap<>();

  public FaultInjector(long seed, FaultRates rates) {
    this.seed = seed;
    this.rates = rates;
  }

  public Publication decide(String deviceId, Instant minute, List<SensorSample> truth) {
    long m = Math.floorDiv(minute.getEpochSecond(), 60);
    long device = SeedMix.hash(deviceId);
    rememberStuckStarts(deviceId, device, m, truth);
    if (offline(device, m)) {
      return skipped(deviceId, minute, new InjectedFault(InjectedFault.Type.OFFLINE, null, null));
    }
    if (draw(device, m, GAP, 0) < rates.gap()) {
      return skipped(deviceId, minute, new InjectedFault(InjectedFault.Type.GAP, null, null));
    }
    if (draw(device, m, MALFORMED, 0) < rates.malformed()) {
      InjectedFault fault = new InjectedFault(InjectedFault.Type.MALFORMED, null, null);
      return new Publication(deviceId, minute, truth, true, false, Duration.ZERO, List.of(fault));
    }
    List<InjectedFault> faults = new ArrayList<>();
    List<SensorSample> samples = new ArrayList<>(truth.size());
    for (SensorSample sample : truth) {
      samples.add(sensorFaults(deviceId, device, m, sample, faults));
    }
    Duration skew = skew(device, m);
    if (!skew.isZero()) {
      faults.add(new InjectedFault(InjectedFault.Type.CLOCK_SKEW, null, skew.toString()));
    }
    return new Publication(deviceId, minute, samples, false, false, skew, faults);
  }

  private SensorSample sensorFaults(
      String deviceId, long device, long m, SensorSample sample, List<InjectedFault> faults) {
    long sensor = SeedMix.hash(sample.sensorId());
    SensorSample out = sample;
    long stuckSince = stuckEpisodeStart(device, sensor, m);
    String key = deviceId + '\n' + sample.sensorId();
    if (stuckSince >= 0 && stuckSince != m) {
      StuckValue held =
          stuckValues.compute(
              key,
              (k, v) ->
                  v != null && v.since() == stuckSince
                      ? v
                      : new StuckValue(stuckSince, sample.value()));
      out = out.withValue(held.value());
      faults.add(
          new InjectedFault(
              InjectedFault.Type.STUCK,
              sample.sensorId(),
              "true " + sample.value() + ", sent " + held.value()));
    } else if (stuckSince < 0 && rates.stuck() > 0) {
      stuckValues.remove(key);
    }
    if (stuckSince < 0) {
      long spike = hash(device, m, SPIKE, sensor);
      if (SeedMix.unit(spike) < rates.spike()) {
        out = spike(out, SeedMix.mix(spike), faults);
      }
    }
    double quality = draw(device, m, QUALITY, sensor);
    if (quality < rates.badQuality()) {
      out = out.withQuality(Quality.BAD.wireName());
      faults.add(new InjectedFault(InjectedFault.Type.BAD_QUALITY, sample.sensorId(), null));
    } else if (quality < rates.badQuality() + rates.uncertainQuality()) {
      out = out.withQuality(Quality.UNCERTAIN.wireName());
      faults.add(new InjectedFault(InjectedFault.Type.UNCERTAIN_QUALITY, sample.sensorId(), null));
    }
    return out;
  }

  /**
   * A sensor whose stuck episode starts this minute keeps this minute's true value, even when the
   * message itself is lost or broken: the sensor, not the message, is stuck.
   */
  private void rememberStuckStarts(String deviceId, long device, long m, List<SensorSample> truth) {
    if (rates.stuck() <= 0) {
      return;
    }
    for (SensorSample sample : truth) {
      long sensor = SeedMix.hash(sample.sensorId());
      if (stuckEpisodeStart(device, sensor, m) == m) {
        stuckValues.put(deviceId + '\n' + sample.sensorId(), new StuckValue(m, sample.value()));
      }
    }
  }

  /**
   * Half the spikes leave the catalogue range (ingestion quarantines them as out_of_range), half
   * jump a quarter of the range towards the side with more room but stay inside it (stored, as a
   * real implausible reading would be).
   */
  private SensorSample spike(SensorSample sample, long h, List<InjectedFault> faults) {
    Optional<SensorDefinition> found = catalogue.find(sample.sensorId());
    if (found.isEmpty()) {
      return sample;
    }
    SensorDefinition def = found.get();
    double span = def.max() - def.min();
    double size = span * (0.05 + 0.2 * SeedMix.unit(SeedMix.mix(h)));
    boolean outOfRange = (h & 1) == 0;
    double value;
    InjectedFault.Type type;
    if (outOfRange) {
      value = (h & 2) == 0 ? def.max() + size : def.min() - size;
      type = InjectedFault.Type.SPIKE_OUT_OF_RANGE;
    } else {
      boolean up = def.max() - sample.value() > sample.value() - def.min();
      value = sample.value() + (up ? 0.25 : -0.25) * span;
      value = Math.max(def.min(), Math.min(def.max(), value));
      type = InjectedFault.Type.SPIKE_IN_RANGE;
    }
    value = Math.round(value * 100) / 100.0;
    faults.add(
        new InjectedFault(type, sample.sensorId(), "true " + sample.value() + ", sent " + value));
    return sample.withValue(value);
  }

  /**
   * The start minute of the stuck episode covering minute {@code m} (the start itself included, it
   * publishes the value later repeated), or −1.
   */
  private long stuckEpisodeStart(long device, long sensor, long m) {
    if (rates.stuck() <= 0) {
      return -1;
    }
    for (int back = 0; back <= STUCK_MAX_MINUTES; back++) {
      long start = m - back;
      long h = hash(device, start, STUCK, sensor);
      if (SeedMix.unit(h) < rates.stuck()) {
        int length =
            STUCK_MIN_MINUTES
                + (int)
                    Math.floorMod(
                        SeedMix.mix(h), (long) (STUCK_MAX_MINUTES - STUCK_MIN_MINUTES + 1));
        return back <= length ? start : -1;
      }
    }
    return -1;
  }

  /**
   * Whether the device is in an injected offline episode at {@code minute}: what a test of the
   * running fleet needs to tell a fault the simulator meant from one in the platform.
   */
  public boolean offline(String deviceId, Instant minute) {
    return offline(SeedMix.hash(deviceId), Math.floorDiv(minute.getEpochSecond(), 60));
  }

  /** Offline episodes start in a device-hour with the given probability, at a hashed minute. */
  private boolean offline(long device, long m) {
    if (rates.offlinePerHour() <= 0) {
      return false;
    }
    long hour = Math.floorDiv(m, 60);
    long minMinutes = rates.offlineMin().toMinutes();
    long maxMinutes = rates.offlineMax().toMinutes();
    long hoursBack = maxMinutes / 60 + 1;
    for (long h = hour; h >= hour - hoursBack; h--) {
      long draw = hash(device, h, OFFLINE, 0);
      if (SeedMix.unit(draw) < rates.offlinePerHour()) {
        long detail = SeedMix.mix(draw);
        long start = h * 60 + Math.floorMod(detail, 60L);
        long length = minMinutes + Math.floorMod(SeedMix.mix(detail), maxMinutes - minMinutes + 1);
        if (m >= start && m < start + length) {
          return true;
        }
      }
    }
    return false;
  }

  private Duration skew(long device, long m) {
    long h = hash(device, m, SKEW, 0);
    long maxSeconds = rates.maxClockSkew().toSeconds();
    if (maxSeconds <= 0 || !(SeedMix.unit(h) < rates.clockSkew())) {
      return Duration.ZERO;
    }
    return Duration.ofSeconds(-(1 + Math.floorMod(SeedMix.mix(h), maxSeconds)));
  }

  private double draw(long device, long m, long salt, long sensor) {
    return SeedMix.unit(hash(device, m, salt, sensor));
  }

  private long hash(long device, long m, long salt, long sensor) {
    return SeedMix.mix(SeedMix.mix(seed, device, m) ^ (salt * 0x9e3779b97f4a7c15L) + sensor);
  }

  private static Publication skipped(String deviceId, Instant minute, InjectedFault fault) {
    return new Publication(deviceId, minute, List.of(), false, true, Duration.ZERO, List.of(fault));
  }

  private record StuckValue(long since, double value) {}
}
