package de.vorlauf.webadmin.apitokens;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.vorlauf.persistence.apitokens.ApiToken;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tokens looked up recently, by their secret's SHA-256, for {@link #TTL}: a client asking many
 * times a second costs one database read per TTL, not one per request (the optimize endpoint's
 * target is p99 ≤ 50 ms at 64 connections). Expiry is checked on every request against the cached
 * expiry, so it is exact; a revocation on another WAR instance takes effect here within the TTL,
 * one on this instance at once ({@link #forget}). Unknown secrets are not cached: a miss is a 401
 * and costs one indexed read, and caching guesses would let anyone fill the memory. A Caffeine
 * cache on the given clock, at most {@link #MAX_ENTRIES} tokens.
 */
final class ApiTokenCache {

  /** How long a looked-up token is trusted without asking the database again. */
  static final Duration TTL = Duration.ofSeconds(30);

  static final int MAX_ENTRIES = 10_000;

  /** Reads a token by its secret's SHA-256. */
  @FunctionalInterface
  interface Lookup {
    Optional<ApiToken> find(byte[] sha256) throws SQLException;
  }

  private final Cache<String, ApiToken> entries;
  // bumped by every forget: a lookup that began before a revocation must not cache what it read
  private final AtomicLong generation = new AtomicLong();
  private final Lookup lookup;

  ApiTokenCache(Lookup lookup, Clock clock) {
    this.lookup = lookup;
    this.entries =
        Caffeine.newBuilder()
            .expireAfterWrite(TTL)
            .maximumSize(MAX_ENTRIES)
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .build();
  }

  /** The token with this secret hash, from the cache while fresh, else from the database. */
  Optional<ApiToken> find(byte[] sha256) throws SQLException {
    String key = HexFormat.of().formatHex(sha256);
    ApiToken cached = entries.getIfPresent(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    long before = generation.get();
    Optional<ApiToken> found = lookup.find(sha256);
    if (found.isPresent() && generation.get() == before) {
      entries.put(key, found.get());
    }
    return found;
  }

  /** Drops the token (revoked on this instance): its next request reads the database. */
  void forget(long tokenId) {
    generation.incrementAndGet();
    entries.asMap().values().removeIf(token -> token.id() == tokenId);
  }
}
