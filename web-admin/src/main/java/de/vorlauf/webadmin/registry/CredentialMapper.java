package de.vorlauf.webadmin.registry;

import de.vorlauf.persistence.registry.Credential;
import java.time.Instant;

/**
 * Credentials to DTOs, for devices and gateways alike; the two DTOs differ only in the name of the
 * owner field ({@code deviceId}, {@code gatewayId}). The secret never leaves: only its hint.
 */
final class CredentialMapper {

  private CredentialMapper() {}

  static CredentialDto toDeviceDto(Credential c, Instant now) {
    return new CredentialDto(
        c.getId(),
        c.getOwnerId(),
        c.getTokenHint(),
        state(c, now),
        c.getCreatedAt(),
        c.getCreatedBy(),
        c.getExpiresAt(),
        c.getRevokedAt(),
        c.getRevokedBy());
  }

  static GatewayCredentialDto toGatewayDto(Credential c, Instant now) {
    return new GatewayCredentialDto(
        c.getId(),
        c.getOwnerId(),
        c.getTokenHint(),
        state(c, now),
        c.getCreatedAt(),
        c.getCreatedBy(),
        c.getExpiresAt(),
        c.getRevokedAt(),
        c.getRevokedBy());
  }

  static String state(Credential c, Instant now) {
    if (c.getRevokedAt() != null) {
      return "revoked";
    }
    if (c.getExpiresAt() == null) {
      return "valid";
    }
    return now.isBefore(c.getExpiresAt()) ? "expiring" : "expired";
  }
}
