package de.vorlauf.simulator.cloud;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opaque bearer tokens with an expiry on the real clock. Opaque and random on purpose: a client
 * must not be able to read its expiry from the token, only from {@code expires_in} or a 401, as
 * with the real vendor.
 */
final class AccessTokens {

  /** Who a token belongs to, or why it is refused ({@code clientId} null then). */
  record Verdict(String clientId, String problem) {}

  private static final int PURGE_THRESHOLD = 1_000;

  private final Duration ttl;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Issued> issued = new ConcurrentHashMap<>();

  AccessTokens(Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
  }

  String issue(String clientId) {
    Instant now = clock.instant();
    if (issued.size() > PURGE_THRESHOLD) {
      issued.values().removeIf(token -> !token.expiresAt.isAfter(now));
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    issued.put(token, new Issued(clientId, now.plus(ttl)));
    return token;
  }

  long ttlSeconds() {
    return Math.max(1, ttl.toSeconds());
  }

  Verdict check(String token) {
    Issued found = token == null ? null : issued.get(token);
    if (found == null) {
      return new Verdict(null, "The access token is unknown");
    }
    if (!clock.instant().isBefore(found.expiresAt)) {
      issued.remove(token);
      return new Verdict(null, "The access token expired");
    }
    return new Verdict(found.clientId, null);
  }

  private record Issued(String clientId, Instant expiresAt) {}
}
