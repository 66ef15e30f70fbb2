package de.vorlauf.domain.features;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.sensor.Quality;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IsolatedSpikesTest {

  private static final Instant T0 = Instant.parse("2026-01-14T06:00:00Z");

  @Test
  void aReadingFarFromTwoNeighboursThatAgreeIsASpike() {
    // flow rate: catalogue 0..5000 L/min, so a jump of more than 500 away from both
    assertThat(spikes("flow_rate_hk1", 60, 4.0, 4.1, 1254.0, 4.2, 4.0))
        .containsExactly(false, false, true, false, false);
    // flow temperature: catalogue -20..130 °C, a tenth is 15 K
    assertThat(spikes("vorlauf_temp_hk1", 60, 43.0, 5.5, 43.2)).containsExactly(false, true, false);
  }

  @Test
  void stepsSlopesAndSmallJumpsAreReal() {
    // a pump starting: the flow rate steps up and stays
    assertThat(spikes("flow_rate_hk1", 60, 0.0, 0.0, 900.0, 900.0))
        .containsExactly(false, false, false, false);
    // the flow temperature rising after the night setback: every step below a tenth
    assertThat(spikes("vorlauf_temp_hk1", 60, 30.0, 42.0, 50.0, 54.0))
        .containsExactly(false, false, false, false);
    assertThat(spikes("vorlauf_temp_hk1", 60, 50.0, 64.0, 50.0))
        .containsExactly(false, false, false);
  }

  @Test
  void farNeighboursEdgesAndUnknownSensorsJudgeNothing() {
    // hourly readings: a jump between them may be a real change
    assertThat(spikes("flow_rate_hk1", 3600, 4.0, 1254.0, 4.0)).containsOnly(false);
    // the newest reading has no next one yet
    assertThat(spikes("flow_rate_hk1", 60, 4.0, 4.0, 1254.0)).containsOnly(false);
    assertThat(spikes("no_such_sensor", 60, 4.0, 1254.0, 4.0)).containsOnly(false);
  }

  @Test
  void badReadingsAreNoNeighboursAndTheReadingAfterASpikeIsJudgedAgainstTheOneBefore() {
    List<RawReading> readings = new ArrayList<>();
    readings.add(reading("flow_rate_hk1", 0, 4.0, Quality.GOOD));
    readings.add(reading("flow_rate_hk1", 60, 4000.0, Quality.BAD));
    readings.add(reading("flow_rate_hk1", 120, 1254.0, Quality.UNCERTAIN));
    readings.add(reading("flow_rate_hk1", 180, 4.0, Quality.GOOD));
    readings.add(reading("flow_rate_hk1", 240, 4.0, Quality.GOOD));

    assertThat(IsolatedSpikes.find("flow_rate_hk1", readings))
        .containsExactly(false, false, true, false, false);
  }

  @Test
  void readingsAreJudgedInTimeOrder() {
    List<RawReading> readings = new ArrayList<>();
    readings.add(reading("flow_rate_hk1", 120, 4.0, Quality.GOOD));
    readings.add(reading("flow_rate_hk1", 60, 1254.0, Quality.GOOD));
    readings.add(reading("flow_rate_hk1", 0, 4.0, Quality.GOOD));

    assertThat(IsolatedSpikes.find("flow_rate_hk1", readings)).containsExactly(false, true, false);
    assertThat(readings.get(1).value()).isEqualTo(1254.0);
  }

  private static boolean[] spikes(String sensor, int everySeconds, double... values) {
    List<RawReading> readings = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      readings.add(reading(sensor, i * everySeconds, values[i], Quality.GOOD));
    }
    return IsolatedSpikes.find(sensor, readings);
  }

  private static RawReading reading(String sensor, int seconds, double value, Quality quality) {
    return new RawReading(sensor, T0.plusSeconds(seconds), value, quality);
  }
}
