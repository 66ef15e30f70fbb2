package de.vorlauf.domain.features;

import de.vorlauf.domain.sensor.Quantity;
import de.vorlauf.domain.sensor.SensorCatalogue;
import de.vorlauf.domain.sensor.SensorDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which catalogue sensors become which feature columns for a building with {@code circuits} heating
 * circuits (the registry's {@code BuildingConfig.heatingCircuits}).
 *
 * <p>Building-wide: outdoor temperature, indoor temperature, metered heat power. Per circuit n
 * (1-based): flow temperature {@code vorlauf_temp_hkN}, return temperature {@code
 * ruecklauf_temp_hkN}, flow rate {@code flow_rate_hkN}: the catalogue's naming. The source
 * document's unsuffixed names ({@code vorlauf_temp}, {@code ruecklauf_temp}, {@code flow_rate}) are
 * circuit 1 ({@link #canonicalSensorId}); {@code outdoor_temp} is the catalogue's id already.
 */
public record FeatureLayout(int circuits) {

  public static final String OUTDOOR = "outdoor_temp";
  public static final String INDOOR = "indoor_temp";
  public static final String METERED_HEAT_POWER = "heat_power";

  private static final Map<String, String> SOURCE_NAMES =
      Map.of(
          "vorlauf_temp", flowSensor(1),
          "ruecklauf_temp", returnSensor(1),
          "flow_rate", flowRateSensor(1),
          "outdoor_temp", OUTDOOR);

  public FeatureLayout {
    if (circuits < 1 || circuits > 16) {
      throw new IllegalArgumentException("heating circuits must be 1..16: " + circuits);
    }
  }

  public static String flowSensor(int circuit) {
    return "vorlauf_temp_hk" + circuit;
  }

  public static String returnSensor(int circuit) {
    return "ruecklauf_temp_hk" + circuit;
  }

  public static String flowRateSensor(int circuit) {
    return "flow_rate_hk" + circuit;
  }

  /** The catalogue id of one of the source document's sensor names; other ids unchanged. */
  public static String canonicalSensorId(String name) {
    return SOURCE_NAMES.getOrDefault(name, name);
  }

  /** Every sensor the features read, building-wide first, then circuit by circuit. */
  public List<String> sensorIds() {
    List<String> ids = new ArrayList<>(List.of(OUTDOOR, INDOOR, METERED_HEAT_POWER));
    for (int c = 1; c <= circuits; c++) {
      ids.add(flowSensor(c));
      ids.add(returnSensor(c));
      ids.add(flowRateSensor(c));
    }
    return ids;
  }

  /** The sensors the quality score counts: outdoor, and per circuit flow, return, flow rate. */
  public List<String> requiredSensorIds() {
    return sensorIds().stream()
        .filter(id -> !id.equals(INDOOR) && !id.equals(METERED_HEAT_POWER))
        .toList();
  }

  /**
   * Checks the layout against a catalogue: every sensor it reads must be defined there with the
   * quantity its column means, or the feature would mix units. Circuits beyond those the catalogue
   * defines are named in the message (add their sensors to the catalogue first).
   */
  public List<String> problems(SensorCatalogue catalogue) {
    List<String> problems = new ArrayList<>();
    check(catalogue, OUTDOOR, Quantity.TEMPERATURE, problems);
    check(catalogue, INDOOR, Quantity.TEMPERATURE, problems);
    check(catalogue, METERED_HEAT_POWER, Quantity.POWER, problems);
    for (int c = 1; c <= circuits; c++) {
      check(catalogue, flowSensor(c), Quantity.TEMPERATURE, problems);
      check(catalogue, returnSensor(c), Quantity.TEMPERATURE, problems);
      check(catalogue, flowRateSensor(c), Quantity.VOLUME_FLOW, problems);
    }
    return problems;
  }

  private static void check(
      SensorCatalogue catalogue, String id, Quantity quantity, List<String> problems) {
    Optional<SensorDefinition> sensor = catalogue.find(id);
    if (sensor.isEmpty()) {
      problems.add("sensor " + id + " is not in the sensor catalogue");
    } else if (sensor.get().quantity() != quantity) {
      problems.add("sensor " + id + " measures " + sensor.get().quantity() + ", not " + quantity);
    }
  }
}
