package de.vorlauf.webadmin.registry;

import java.time.Instant;

/**
 * A device credential without its secret.
 *
 * @param tokenHint the first characters of the token, to tell credentials apart
 * @param state {@code valid}, {@code expiring} (rotated, valid until {@code expiresAt}), {@code
 *     expired} or {@code revoked}
 */
public record CredentialDto(
    Long id,
    String deviceId,
    String tokenHint,
    String state,
    Instant createdAt,
    String createdBy,
    Instant expiresAt,
    Instant revokedAt,
    String revokedBy) {}
