package de.vorlauf.webadmin.apitokens;

import de.vorlauf.persistence.apitokens.ApiToken;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tokens looked up recently, by their secret's SHA-256, for {@link #TTL}: a client asking many
 * times a second costs one database read per TTL, not one per request (the optimize endpoint's
 * target is p99 ≤ 50 ms at 64 connections). Expiry is checked on every request against the cached
 * expiry, so it is exact; a revocation on another WAR instance takes effect here within the TTL,
 * one on this instance at once ({@link #forget}). Unknown secrets are not cached: a miss is a 401
 * and costs one indexed read, and caching guesses would let anyone fill the memory.
 *
 * <p>No cache library: none is on the WAR's classpath, and a map with a timestamp per entry is all
 * this needs. The size is bounded by {@link #MAX_ENTRIES} (stale entries dropped first, else all).
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

  private record Entry(ApiToken token, Instant loadedAt) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  // bumped by every forget: a lookup that began before a revocation must not cache what it read
  private final AtomicLong generation = new AtomicLong();
  private final Lookup lookup;
  private final Clock clock;

  ApiTokenCache(Lookup lookup, Clock clock) {
    this.lookup = lookup;
    this.clock = clock;
  }

  /** The token with this secret hash, from the cache while fresh, else from the database. */
  Optional<ApiToken> find(byte[] sha256) throws SQLException {
    String key = HexFormat.of().formatHex(sha256);
    Instant now = clock.instant();
    Entry cached = entries.get(key);
    if (cached != null && fresh(cached, now)) {
      return Optional.of(cached.token());
    }
    long before = generation.get();
    Optional<ApiToken> found = lookup.find(sha256);
    if (found.isPresent() && generation.get() == before) {
      if (entries.size() >= MAX_ENTRIES) {
        entries.values().removeIf(e -> !fresh(e, now));
        if (entries.size() >= MAX_ENTRIES) {
          entries.clear();
        }
      }
      entries.put(key, new Entry(found.get(), now));
    } else if (found.isEmpty()) {
      entries.remove(key);
    }
    return found;
  }

  /** Drops the token (revoked on this instance): its next request reads the database. */
  void forget(long tokenId) {
    generation.incrementAndGet();
    entries.values().removeIf(e -> e.token().id() == tokenId);
  }

  private static boolean fresh(Entry entry, Instant now) {
    return now.isBefore(entry.loadedAt().plus(TTL));
  }
}
