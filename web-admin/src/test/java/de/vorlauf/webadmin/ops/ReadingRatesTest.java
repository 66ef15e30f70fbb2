package de.vorlauf.webadmin.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadingRatesTest {

  private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

  @Test
  void aBacklogBeingStoredShowsAsItsRateWhateverTheReadingsOwnTimestamps() {
    ReadingRates rates = new ReadingRates();
    assertThat(rates.due(T0)).isTrue();
    rates.add(T0, Map.of("b-1", 1_000L, "b-2", 0L));
    assertThat(rates.fleetPerMinute()).as("one sample says nothing yet").isNull();
    assertThat(rates.due(T0.plusSeconds(5))).isFalse();

    // 45,000 readings a second for a minute, all in b-2
    rates.add(T0.plusSeconds(60), Map.of("b-1", 1_000L, "b-2", 2_700_000L));
    assertThat(rates.fleetPerMinute()).isEqualTo(2_700_000.0);
    assertThat(rates.buildingPerMinute("b-2", 2_700_000L, T0.plusSeconds(60)))
        .isEqualTo(2_700_000.0);
    assertThat(rates.buildingPerMinute("b-1", 1_000L, T0.plusSeconds(60))).isZero();
    assertThat(rates.history())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.at()).isEqualTo(T0.plusSeconds(60));
              assertThat(p.perMinute()).isEqualTo(2_700_000.0);
            });
  }

  @Test
  void theRateIsMeasuredOverTheLastFiveMinutesOnly() {
    ReadingRates rates = new ReadingRates();
    rates.add(T0, Map.of("b", 0L));
    rates.add(T0.plusSeconds(600), Map.of("b", 6_000L));
    rates.add(T0.plusSeconds(660), Map.of("b", 6_060L));
    // the window's oldest sample is the one at 600 s: 60 readings in one minute
    assertThat(rates.fleetPerMinute()).isEqualTo(60.0);
  }

  @Test
  void samplesOlderThanHalfAnHourAreDropped() {
    ReadingRates rates = new ReadingRates();
    rates.add(T0, Map.of("b", 0L));
    rates.add(T0.plusSeconds(3_600), Map.of("b", 1L));
    assertThat(rates.history()).isEmpty();
  }
}
