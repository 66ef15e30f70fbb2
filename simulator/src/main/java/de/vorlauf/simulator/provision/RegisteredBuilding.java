package de.vorlauf.simulator.provision;

import de.vorlauf.domain.heating.BuildingConfig;
import java.time.Instant;
import java.util.Objects;

/**
 * A building as the registry holds it.
 *
 * @param updatedAt when the registry entry last changed; null when the registry does not say
 */
public record RegisteredBuilding(BuildingConfig config, Instant updatedAt) {

  public RegisteredBuilding {
    Objects.requireNonNull(config, "config");
  }

  public String id() {
    return config.buildingId();
  }
}
