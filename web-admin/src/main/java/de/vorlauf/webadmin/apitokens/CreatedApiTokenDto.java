package de.vorlauf.webadmin.apitokens;

import java.time.Instant;
import java.util.List;

/**
 * The answer to {@code POST /api/v1/tokens}: the only time the secret ({@code token}) is shown.
 *
 * @param notice says so, for clients that show answers to people
 */
public record CreatedApiTokenDto(
    long id,
    String name,
    List<String> scopes,
    Instant expiresAt,
    Instant createdAt,
    String createdBy,
    String token,
    String notice) {

  static final String NOTICE =
      "Store this token now: it is shown only once. Vorlauf keeps only its hash.";
}
