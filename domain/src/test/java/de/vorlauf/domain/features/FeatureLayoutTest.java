package de.vorlauf.domain.features;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.sensor.SensorCatalogue;
import org.junit.jupiter.api.Test;

class FeatureLayoutTest {

  @Test
  void theSourceDocumentsNamesAreCircuitOneOfTheCatalogue() {
    assertThat(FeatureLayout.canonicalSensorId("vorlauf_temp")).isEqualTo("vorlauf_temp_hk1");
    assertThat(FeatureLayout.canonicalSensorId("ruecklauf_temp")).isEqualTo("ruecklauf_temp_hk1");
    assertThat(FeatureLayout.canonicalSensorId("flow_rate")).isEqualTo("flow_rate_hk1");
    assertThat(FeatureLayout.canonicalSensorId("outdoor_temp")).isEqualTo("outdoor_temp");
  }

  @Test
  void oneCircuitFitsTheStandardCatalogueAndFurtherCircuitsAreNamed() {
    assertThat(new FeatureLayout(1).problems(SensorCatalogue.standard())).isEmpty();
    assertThat(new FeatureLayout(2).problems(SensorCatalogue.standard()))
        .containsExactly(
            "sensor vorlauf_temp_hk2 is not in the sensor catalogue",
            "sensor ruecklauf_temp_hk2 is not in the sensor catalogue",
            "sensor flow_rate_hk2 is not in the sensor catalogue");
    assertThat(new FeatureLayout(2).requiredSensorIds()).hasSize(7);
  }
}
