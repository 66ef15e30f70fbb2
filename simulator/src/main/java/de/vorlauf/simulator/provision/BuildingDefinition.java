package de.vorlauf.simulator.provision;

import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.simulator.physics.BuildingSpec;
import java.util.Objects;

/**
 * A simulated building as the registry should record it: its name and its configuration (heating
 * type, time zone, comfort range, night setback, heating curve) as the simulation was commissioned,
 * so the registry starts from what the physics runs.
 */
public record BuildingDefinition(String name, BuildingConfig config) {

  public BuildingDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
  }

  public static BuildingDefinition of(BuildingSpec spec, String name) {
    return new BuildingDefinition(name, spec.config());
  }

  public String id() {
    return config.buildingId();
  }
}
