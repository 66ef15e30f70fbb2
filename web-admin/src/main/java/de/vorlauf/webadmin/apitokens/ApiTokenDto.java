package de.vorlauf.webadmin.apitokens;

import de.vorlauf.persistence.apitokens.ApiToken;
import java.time.Instant;
import java.util.List;

/**
 * A token as {@code GET /api/v1/tokens} lists it, never with its secret.
 *
 * @param state {@code active}, {@code expired} or {@code revoked} at the time of the answer
 * @param lastUsedAt as of the last usage flush (every few seconds); null before the first use
 */
public record ApiTokenDto(
    long id,
    String name,
    String tokenHint,
    List<String> scopes,
    String state,
    Instant expiresAt,
    Instant createdAt,
    String createdBy,
    Instant revokedAt,
    String revokedBy,
    Instant lastUsedAt,
    long useCount) {

  static ApiTokenDto of(ApiToken token, Instant now) {
    String state = token.revoked() ? "revoked" : token.expiredAt(now) ? "expired" : "active";
    return new ApiTokenDto(
        token.id(),
        token.name(),
        token.tokenHint(),
        token.scopes(),
        state,
        token.expiresAt(),
        token.createdAt(),
        token.createdBy(),
        token.revokedAt(),
        token.revokedBy(),
        token.lastUsedAt(),
        token.useCount());
  }
}
