package de.vorlauf.domain.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurrentStateTest {

  private static final Instant NOW = Instant.parse("2026-12-04T10:20:00Z");
  private static final Instant H9 = Instant.parse("2026-12-04T09:00:00Z");

  @Test
  void aPlausibleSnapshotBreaksNoRule() {
    assertThat(new CurrentState(NOW, 2.5, 55, 40, 21).problems(NOW)).isEmpty();
    assertThat(new CurrentState(NOW.plusSeconds(60), 2.5, 55, 40, Double.NaN).problems(NOW))
        .isEmpty();
  }

  @Test
  void theFutureBeyondTheSkewTooOldNonFiniteAndUnphysicalValuesAreRefusedByField() {
    assertThat(fields(new CurrentState(NOW.plusSeconds(180), 2.5, 55, 40, 21)))
        .containsExactly("timestamp");
    assertThat(fields(new CurrentState(NOW.minusSeconds(3601), 2.5, 55, 40, 21)))
        .containsExactly("timestamp");
    assertThat(fields(new CurrentState(NOW, Double.POSITIVE_INFINITY, 55, 40, 21)))
        .containsExactly("outdoor_temp");
    assertThat(fields(new CurrentState(NOW, -80, 200, -30, 70)))
        .containsExactly("outdoor_temp", "flow_temp", "return_temp", "indoor_temp");
  }

  @Test
  void theSnapshotReplacesTheNewestHoursTemperaturesAndKeepsItsHeatAndQuality() {
    HourObservation h8 = new HourObservation(H9.minusSeconds(3600), 1, 20, 50, 38, 9, 0.9);
    HourObservation h9 = new HourObservation(H9, 2, 20.5, 52, 39, 10, 0.95);
    BuildingState platform = new BuildingState(NOW, List.of(h8, h9));

    BuildingState seen = new CurrentState(NOW, 3, 56, 41, Double.NaN).applyTo(platform);

    assertThat(seen.history())
        .containsExactly(h8, new HourObservation(H9, 3, 20.5, 56, 41, 10, 0.95));
    // equal to the newest hour: the platform's state unchanged
    assertThat(new CurrentState(NOW, 2, 52, 39, 20.5).applyTo(platform)).isEqualTo(platform);
  }

  @Test
  void withoutTheNewestHourTheSnapshotBecomesIt() {
    HourObservation h7 = new HourObservation(H9.minusSeconds(7200), 1, 20, 50, 38, 9, 0.9);
    BuildingState seen =
        new CurrentState(NOW, 3, 56, 41, 21).applyTo(new BuildingState(NOW, List.of(h7)));

    assertThat(seen.history()).hasSize(2);
    assertThat(seen.latest().hour()).isEqualTo(H9);
    assertThat(seen.latest().heatPowerKw()).isNaN();
    assertThatThrownBy(
            () -> new CurrentState(NOW, 3, 56, 41, 21).applyTo(new BuildingState(H9, List.of(h7))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String> fields(CurrentState state) {
    return state.problems(NOW).stream().map(CurrentState.Problem::field).toList();
  }
}
