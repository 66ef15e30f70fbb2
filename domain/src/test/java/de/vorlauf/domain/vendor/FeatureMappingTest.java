package de.vorlauf.domain.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.sensor.SensorCatalogue;
import de.vorlauf.domain.sensor.SensorDefinition;
import org.junit.jupiter.api.Test;

class FeatureMappingTest {

  @Test
  void contractFeaturesMapToCatalogueSensors() {
    assertThat(FeatureMapping.sensorFor("heating.sensors.temperature.outside"))
        .contains("outdoor_temp");
    assertThat(FeatureMapping.sensorFor("heating.circuits.0.sensors.temperature.supply"))
        .contains("vorlauf_temp_hk1");
    assertThat(FeatureMapping.sensorFor("heating.sensors.temperature.return"))
        .contains("ruecklauf_temp_hk1");
    assertThat(FeatureMapping.sensorFor("heating.circuits.0.sensors.temperature.room"))
        .contains("indoor_temp");
    assertThat(FeatureMapping.sensorFor("heating.circuits.0.sensors.volumetricFlow.allengra"))
        .contains("flow_rate_hk1");
    assertThat(FeatureMapping.sensorFor("heating.power.production.current")).contains("heat_power");
    assertThat(FeatureMapping.sensorFor("heating.power.production.cumulative"))
        .contains("heat_energy");
    assertThat(FeatureMapping.sensorFor("heating.burners.0.statistics")).isEmpty();
    assertThat(FeatureMapping.features()).hasSize(7);
  }

  @Test
  void everyMappedSensorIsInTheCatalogue() {
    for (String feature : FeatureMapping.features()) {
      String sensor = FeatureMapping.sensorFor(feature).orElseThrow();
      assertThat(SensorCatalogue.standard().find(sensor)).as(feature).isPresent();
    }
  }

  @Test
  void vendorUnitsBecomeSpellingsTheCatalogueConverts() {
    assertThat(FeatureMapping.catalogueUnit("celsius")).isEqualTo("degC");
    assertThat(FeatureMapping.catalogueUnit("liter/hour")).isEqualTo("L/h");
    assertThat(FeatureMapping.catalogueUnit("kilowatt")).isEqualTo("kW");
    assertThat(FeatureMapping.catalogueUnit("kilowattHour")).isEqualTo("kWh");
    assertThat(FeatureMapping.catalogueUnit("bar")).isEqualTo("bar");

    SensorDefinition flow = SensorCatalogue.standard().find("flow_rate_hk1").orElseThrow();
    assertThat(flow.quantity().conversionFrom(FeatureMapping.catalogueUnit("liter/hour")))
        .hasValueSatisfying(c -> assertThat(c.apply(600)).isEqualTo(10.0));
    for (String unit : new String[] {"celsius", "kilowatt", "kilowattHour", "watt", "kelvin"}) {
      boolean known =
          SensorCatalogue.standard().all().stream()
              .anyMatch(
                  s -> s.quantity().conversionFrom(FeatureMapping.catalogueUnit(unit)).isPresent());
      assertThat(known).as(unit).isTrue();
    }
  }
}
