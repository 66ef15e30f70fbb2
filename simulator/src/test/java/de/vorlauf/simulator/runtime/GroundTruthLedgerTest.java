package de.vorlauf.simulator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.simulator.physics.SensorSample;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroundTruthLedgerTest {

  private static final Instant T = Instant.parse("2026-01-15T10:00:00Z");

  private static SensorSample sample(String sensor, double value) {
    return new SensorSample(sensor, value, "degC", "good", T);
  }

  @Test
  void predictsStoredQuarantinedAndDuplicateReadings() {
    GroundTruthLedger ledger = new GroundTruthLedger();
    ledger.published("d1", T, List.of(sample("vorlauf_temp_hk1", 50), sample("outdoor_temp", 5)));
    // clock skew gave the next minute's message the same timestamp: its readings are duplicates
    ledger.published("d1", T, List.of(sample("vorlauf_temp_hk1", 51)));
    ledger.published(
        "d1",
        T.plusSeconds(60),
        List.of(sample("vorlauf_temp_hk1", 500), sample("outdoor_temp", Double.NaN)));
    ledger.malformed("d1", 6);
    ledger.skipped("d1");

    GroundTruthLedger.DeviceCount d1 = ledger.device("d1").orElseThrow();
    assertThat(d1.messages()).isEqualTo(3);
    assertThat(d1.malformedMessages()).isEqualTo(1);
    assertThat(d1.malformedReadings()).isEqualTo(6);
    assertThat(d1.skippedMinutes()).isEqualTo(1);
    assertThat(d1.sensors().get("vorlauf_temp_hk1"))
        .isEqualTo(new GroundTruthLedger.SensorCount(3, 1, 1, Map.of("out_of_range", 1L)));
    assertThat(d1.sensors().get("outdoor_temp"))
        .isEqualTo(new GroundTruthLedger.SensorCount(2, 1, 0, Map.of("non_finite", 1L)));
    assertThat(d1.expectedStored()).isEqualTo(2);
    assertThat(ledger.readingsPublished()).isEqualTo(11);
    assertThat(ledger.messagesPublished()).isEqualTo(4);
  }
}
