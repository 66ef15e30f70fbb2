package de.vorlauf.webadmin.rest;

import de.vorlauf.persistence.registry.GatewayCredential;
import de.vorlauf.persistence.registry.GatewayRegistration;
import java.time.Instant;

/** Gateway entities to DTOs. */
final class GatewayMapper {

  private GatewayMapper() {}

  static GatewayDto toDto(GatewayRegistration g) {
    return new GatewayDto(
        g.getId(), g.getId(), g.getDescription(), g.isActive(), g.getCreatedAt(), g.getUpdatedAt());
  }

  static GatewayCredentialDto toDto(GatewayCredential c, Instant now) {
    return new GatewayCredentialDto(
        c.getId(),
        c.getGatewayId(),
        c.getTokenHint(),
        state(c, now),
        c.getCreatedAt(),
        c.getCreatedBy(),
        c.getExpiresAt(),
        c.getRevokedAt(),
        c.getRevokedBy());
  }

  static String state(GatewayCredential c, Instant now) {
    if (c.getRevokedAt() != null) {
      return "revoked";
    }
    if (c.getExpiresAt() == null) {
      return "valid";
    }
    return now.isBefore(c.getExpiresAt()) ? "expiring" : "expired";
  }
}
