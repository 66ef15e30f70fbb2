package de.vorlauf.webadmin.apitokens;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.persistence.apitokens.ApiToken;
import de.vorlauf.persistence.apitokens.ApiTokenSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ApiTokenCacheTest {

  private static final Instant T0 = Instant.parse("2026-12-04T05:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicReference<ApiToken> stored = new AtomicReference<>(token(null));
  private final ApiTokenCache cache =
      new ApiTokenCache(
          hash -> {
            reads.incrementAndGet();
            return Optional.ofNullable(stored.get());
          },
          clock);
  private final byte[] hash = ApiTokenSecret.generate().sha256();

  private static ApiToken token(Instant revokedAt) {
    return new ApiToken(
        3,
        "bms",
        "vlt_abcd",
        List.of("read"),
        T0.plus(Duration.ofDays(1)),
        T0,
        "alice",
        revokedAt,
        revokedAt == null ? null : "bob",
        null,
        0);
  }

  @Test
  void aTokenIsReadOncePerTtl() throws Exception {
    for (int i = 0; i < 100; i++) {
      assertThat(cache.find(hash)).isPresent();
    }
    assertThat(reads).hasValue(1);

    now.set(T0.plus(ApiTokenCache.TTL).minusMillis(1));
    cache.find(hash);
    assertThat(reads).hasValue(1);
    now.set(T0.plus(ApiTokenCache.TTL));
    cache.find(hash);
    assertThat(reads).hasValue(2);
  }

  @Test
  void aRevocationElsewhereShowsAfterTheTtlAndHereAtOnce() throws Exception {
    cache.find(hash);
    stored.set(token(T0));

    assertThat(cache.find(hash).orElseThrow().revoked()).isFalse();
    now.set(T0.plus(ApiTokenCache.TTL));
    assertThat(cache.find(hash).orElseThrow().revoked()).isTrue();

    stored.set(token(null));
    now.set(T0.plus(ApiTokenCache.TTL.multipliedBy(2)));
    cache.find(hash);
    stored.set(token(T0));
    cache.forget(3);
    assertThat(cache.find(hash).orElseThrow().revoked()).isTrue();
  }

  @Test
  void unknownSecretsAreNotCached() throws Exception {
    stored.set(null);
    cache.find(hash);
    cache.find(hash);
    assertThat(reads).hasValue(2);
  }

  @Test
  void aLookupRacingARevocationHereCachesNothing() throws Exception {
    AtomicReference<ApiTokenCache> self = new AtomicReference<>();
    ApiTokenCache racing =
        new ApiTokenCache(
            h -> {
              ApiToken before = stored.get();
              if (reads.incrementAndGet() == 1) {
                // the revocation lands while this lookup is on its way back with the old row
                stored.set(token(T0));
                self.get().forget(3);
              }
              return Optional.of(before);
            },
            clock);
    self.set(racing);

    assertThat(racing.find(hash).orElseThrow().revoked()).isFalse();
    assertThat(racing.find(hash).orElseThrow().revoked()).isTrue();
    assertThat(reads).hasValue(2);
  }
}
