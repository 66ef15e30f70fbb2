package de.vorlauf.simulator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.sensor.SensorCatalogue;
import de.vorlauf.simulator.faults.InjectedFault.Type;
import de.vorlauf.simulator.physics.SensorSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

  private static final Instant START = Instant.parse("2026-01-12T00:00:00Z");
  private static final int MINUTES = 3 * 1440;
  private static final List<String> DEVICES = List.of("sim-0001-gb", "sim-0002-gb", "sim-0003-gb");

  /** Rates high enough that a few device-days show every fault many times. */
  private static final FaultRates OFTEN =
      new FaultRates(
          0.01,
          0.002,
          0.005,
          0.005,
          0.01,
          0.005,
          0.05,
          FaultRates.MAX_CLOCK_SKEW,
          0.05,
          Duration.ofMinutes(10),
          Duration.ofMinutes(90));

  @Test
  void noFaultsPublishesTheTruth() {
    FaultInjector injector = new FaultInjector(1, FaultRates.NONE);
    for (int m = 0; m < MINUTES; m++) {
      Instant minute = minute(m);
      List<SensorSample> truth = truth(minute);
      Publication p = injector.decide("d", minute, truth);
      assertThat(p.samples()).isEqualTo(truth);
      assertThat(p.faults()).isEmpty();
      assertThat(p.skipped() || p.malformed()).isFalse();
      assertThat(p.skew()).isZero();
    }
  }

  @Test
  void decisionsDependOnSeedDeviceAndMinuteOnlyNotOnCallOrder() {
    Map<String, Publication> forward = decideAll(new FaultInjector(7, OFTEN), false);
    Map<String, Publication> shuffled = decideAll(new FaultInjector(7, OFTEN), true);
    Map<String, Publication> again = decideAll(new FaultInjector(7, OFTEN), false);
    Map<String, Publication> otherSeed = decideAll(new FaultInjector(8, OFTEN), false);

    assertThat(again).isEqualTo(forward);
    int differentFromOtherSeed = 0;
    for (Map.Entry<String, Publication> e : forward.entrySet()) {
      Publication f = e.getValue();
      Publication s = shuffled.get(e.getKey());
      assertThat(s.skipped()).isEqualTo(f.skipped());
      assertThat(s.malformed()).isEqualTo(f.malformed());
      assertThat(s.skew()).isEqualTo(f.skew());
      assertThat(s.faults().stream().map(x -> x.type() + "/" + x.sensorId()).toList())
          .isEqualTo(f.faults().stream().map(x -> x.type() + "/" + x.sensorId()).toList());
      if (f.faults().stream().noneMatch(x -> x.type() == Type.STUCK)) {
        assertThat(s.samples()).isEqualTo(f.samples());
      }
      differentFromOtherSeed += f.faults().equals(otherSeed.get(e.getKey()).faults()) ? 0 : 1;
    }
    assertThat(differentFromOtherSeed).isGreaterThan(100);
  }

  @Test
  void everyFaultOccursAndBehavesAsDocumented() {
    FaultInjector injector = new FaultInjector(3, OFTEN);
    SensorCatalogue catalogue = SensorCatalogue.standard();
    Map<Type, Integer> counts = new EnumMap<>(Type.class);
    Map<String, Double> previousSent = new HashMap<>();
    for (String device : DEVICES) {
      int offlineRun = 0;
      for (int m = 0; m < MINUTES; m++) {
        Instant minute = minute(m);
        List<SensorSample> truth = truth(minute);
        Publication p = injector.decide(device, minute, truth);
        p.faults().forEach(f -> counts.merge(f.type(), 1, Integer::sum));

        assertThat(p.skew()).isLessThanOrEqualTo(Duration.ZERO);
        assertThat(p.skew()).isGreaterThanOrEqualTo(FaultRates.MAX_CLOCK_SKEW.negated());
        assertThat(p.timestamp()).isBeforeOrEqualTo(minute);
        assertThat(p.skipped()).isEqualTo(p.samples().isEmpty());

        boolean offline = p.faults().stream().anyMatch(f -> f.type() == Type.OFFLINE);
        if (offline) {
          offlineRun++;
        } else {
          if (offlineRun > 0 && offlineRun < m) {
            assertThat(offlineRun).isBetween(1, 2 * 90); // episodes may overlap, never run on
          }
          offlineRun = 0;
        }
        for (InjectedFault f : p.faults()) {
          SensorSample sent = find(p.samples(), f.sensorId());
          switch (f.type()) {
            case SPIKE_OUT_OF_RANGE ->
                assertThat(catalogue.find(f.sensorId()).orElseThrow().inRange(sent.value()))
                    .isFalse();
            case SPIKE_IN_RANGE -> {
              assertThat(catalogue.find(f.sensorId()).orElseThrow().inRange(sent.value())).isTrue();
              assertThat(sent.value()).isNotEqualTo(find(truth, f.sensorId()).value());
            }
            case STUCK -> {
              Double before = previousSent.get(device + f.sensorId());
              if (before != null) {
                assertThat(sent.value()).isEqualTo(before);
              }
            }
            case BAD_QUALITY -> assertThat(sent.quality()).isEqualTo("bad");
            case UNCERTAIN_QUALITY -> assertThat(sent.quality()).isEqualTo("uncertain");
            case MALFORMED -> assertThat(p.samples()).isEqualTo(truth);
            default -> {}
          }
        }
        for (SensorSample s : p.samples()) {
          previousSent.put(device + s.sensorId(), s.value());
        }
        if (p.skipped() || p.malformed()) {
          truth.forEach(s -> previousSent.remove(device + s.sensorId()));
        }
      }
    }
    assertThat(counts.keySet()).containsExactlyInAnyOrder(Type.values());
    int deviceMinutes = DEVICES.size() * MINUTES;
    assertThat(counts.get(Type.GAP)).isBetween(deviceMinutes / 200, deviceMinutes / 50);
    assertThat(counts.get(Type.CLOCK_SKEW)).isBetween(deviceMinutes / 30, deviceMinutes / 15);
  }

  @Test
  void ratesAreValidated() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new FaultRates(
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0.1,
                    Duration.ofMinutes(3),
                    0,
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(2)))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new FaultRates(
                    1.5,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    Duration.ZERO,
                    0,
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(FaultRates.demo().maxClockSkew()).isEqualTo(Duration.ofMinutes(2));
  }

  private static Map<String, Publication> decideAll(FaultInjector injector, boolean shuffle) {
    List<String> keys = new ArrayList<>();
    for (String device : DEVICES) {
      for (int m = 0; m < MINUTES; m++) {
        keys.add(device + "@" + m);
      }
    }
    if (shuffle) {
      Collections.shuffle(keys, new Random(99));
    }
    Map<String, Publication> out = new HashMap<>();
    for (String key : keys) {
      String device = key.substring(0, key.indexOf('@'));
      Instant minute = minute(Integer.parseInt(key.substring(key.indexOf('@') + 1)));
      out.put(key, injector.decide(device, minute, truth(minute)));
    }
    return out;
  }

  private static Instant minute(int m) {
    return START.plusSeconds(60L * m);
  }

  /** Values that change every minute, so a stuck sensor shows. */
  private static List<SensorSample> truth(Instant minute) {
    double t = minute.getEpochSecond() / 3600.0;
    return List.of(
        sample("vorlauf_temp_hk1", 45 + 5 * Math.sin(t), "degC", minute),
        sample("ruecklauf_temp_hk1", 35 + 4 * Math.sin(t), "degC", minute),
        sample("outdoor_temp", 2 + 3 * Math.cos(t / 5), "degC", minute),
        sample("flow_rate_hk1", 20 + Math.sin(t * 3), "L/min", minute),
        sample("heat_power", 5 + Math.sin(t * 2), "kW", minute),
        sample("heat_energy", 10_000 + t, "kWh", minute));
  }

  private static SensorSample sample(String id, double value, String unit, Instant minute) {
    return new SensorSample(id, Math.round(value * 1000) / 1000.0, unit, "good", minute);
  }

  private static SensorSample find(List<SensorSample> samples, String sensorId) {
    return samples.stream().filter(s -> s.sensorId().equals(sensorId)).findFirst().orElse(null);
  }
}
