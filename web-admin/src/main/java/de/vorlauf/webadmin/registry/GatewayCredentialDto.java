package de.vorlauf.webadmin.registry;

import java.time.Instant;

/**
 * A gateway credential without its secret; the fields of {@link CredentialDto}, with the gateway in
 * place of the device.
 *
 * @param state {@code valid}, {@code expiring} (rotated, valid until {@code expiresAt}), {@code
 *     expired} or {@code revoked}
 */
public record GatewayCredentialDto(
    Long id,
    String gatewayId,
    String tokenHint,
    String state,
    Instant createdAt,
    String createdBy,
    Instant expiresAt,
    Instant revokedAt,
    String revokedBy) {}
