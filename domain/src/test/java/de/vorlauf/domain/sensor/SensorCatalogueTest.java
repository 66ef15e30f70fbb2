package de.vorlauf.domain.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SensorCatalogueTest {

  @Test
  void knowsTheSensorsOfTheSourceDocument() {
    assertThat(SensorCatalogue.standard().all())
        .extracting(SensorDefinition::id)
        .contains(
            "vorlauf_temp_hk1",
            "ruecklauf_temp_hk1",
            "outdoor_temp",
            "flow_rate_hk1",
            "indoor_temp",
            "heat_power",
            "heat_energy");
    assertThat(SensorCatalogue.standard().find("flow_rate_hk1"))
        .hasValueSatisfying(s -> assertThat(s.canonicalUnit()).isEqualTo("L/min"));
  }

  @Test
  void refusesTheSameIdTwice() {
    SensorDefinition sensor = new SensorDefinition("x", Quantity.POWER, 0, 1, "x");
    assertThatThrownBy(() -> new SensorCatalogue(List.of(sensor, sensor)))
        .hasMessageContaining("defined twice: x");
  }

  @Test
  void qualityDefaultsToGoodAndKnowsOnlyItsThreeWords() {
    assertThat(Quality.DEFAULT).isEqualTo(Quality.GOOD);
    assertThat(Quality.fromWireName("uncertain")).contains(Quality.UNCERTAIN);
    assertThat(Quality.fromWireName("GOOD")).isEmpty();
    assertThat(Quality.fromWireName("estimated")).isEmpty();
  }
}
