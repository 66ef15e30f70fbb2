package de.vorlauf.persistence.apitokens;

import java.time.Instant;
import java.util.List;

/**
 * One row of {@code api_tokens} (V170), without the secret (only its hash is stored).
 *
 * @param tokenHint the secret's first characters ({@code vlt_} + 4)
 * @param lastUsedAt as of the last usage flush; null before the first
 * @param useCount as of the last usage flush
 */
public record ApiToken(
    long id,
    String name,
    String tokenHint,
    List<String> scopes,
    Instant expiresAt,
    Instant createdAt,
    String createdBy,
    Instant revokedAt,
    String revokedBy,
    Instant lastUsedAt,
    long useCount) {

  public ApiToken {
    scopes = List.copyOf(scopes);
  }

  public boolean revoked() {
    return revokedAt != null;
  }

  /** Expired at {@code now}: the expiry instant itself no longer counts. */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
