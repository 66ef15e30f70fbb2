package de.vorlauf.webadmin.registry;

import de.vorlauf.persistence.registry.GatewayRegistration;

/** Gateway entities to DTOs. */
final class GatewayMapper {

  private GatewayMapper() {}

  static GatewayDto toDto(GatewayRegistration g) {
    return new GatewayDto(
        g.getId(), g.getId(), g.getDescription(), g.isActive(), g.getCreatedAt(), g.getUpdatedAt());
  }
}
