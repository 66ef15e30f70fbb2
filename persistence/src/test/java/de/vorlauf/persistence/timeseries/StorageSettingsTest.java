package de.vorlauf.persistence.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageSettingsTest {

  @Test
  void placeholdersRoundTrip() {
    StorageSettings settings =
        new StorageSettings(
            Duration.ofDays(30),
            Duration.ofDays(365),
            Duration.ofHours(12),
            Duration.ofDays(3),
            14);
    assertThat(StorageSettings.fromPlaceholders(settings.toPlaceholders())).isEqualTo(settings);
  }

  @Test
  void missingPlaceholdersKeepTheDefaults() {
    StorageSettings settings = StorageSettings.fromPlaceholders(Map.of("rawRetention", "P30D"));
    assertThat(settings.rawRetention()).isEqualTo(Duration.ofDays(30));
    assertThat(settings.rollupRetention()).isEqualTo(Duration.ofDays(730));
    assertThat(settings.partitionsAhead()).isEqualTo(7);
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> StorageSettings.fromPlaceholders(Map.of("rawRetention", "90 days")))
        .hasMessageContaining("ISO-8601");
    assertThatThrownBy(
            () ->
                StorageSettings.fromPlaceholders(
                    Map.of("rawRetention", "P400D", "rollupRetention", "P100D")))
        .hasMessageContaining("rollupRetention");
  }

  @Test
  void refreshWindowStaysInsideRawRetention() {
    assertThat(StorageSettings.defaults().refreshWindow()).isEqualTo(Duration.ofDays(89));
  }

  @Test
  void formatsPostgresIntervals() {
    assertThat(StorageSettings.sqlInterval(Duration.ofDays(90))).isEqualTo("90 days");
    assertThat(StorageSettings.sqlInterval(Duration.ofHours(12))).isEqualTo("43200 seconds");
  }
}
