package de.vorlauf.persistence.apitokens;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.persistence.RepositoryDatabase;
import de.vorlauf.persistence.apitokens.ApiTokenStore.NewToken;
import de.vorlauf.persistence.apitokens.ApiTokenStore.Usage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V170 on a real PostgreSQL: a token is found by its secret's hash and never by anything else, a
 * live name is unique until revoked, revocation keeps its first time, expiry is stored as given,
 * and usage batches add up without moving the last use back.
 */
class ApiTokenStoreIT {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

  @TempDir static Path dbDir;
  private static RepositoryDatabase db;

  private ApiTokenStore store;
  private String name;

  @BeforeAll
  static void start() {
    db = RepositoryDatabase.start(dbDir);
  }

  @AfterAll
  static void stop() {
    if (db != null) {
      db.close();
    }
  }

  @BeforeEach
  void fresh() {
    store = new ApiTokenStore(db.dataSource());
    name = "bms-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private ApiToken create(ApiTokenSecret secret, Instant expiresAt) throws Exception {
    return store
        .create(new NewToken(name, secret, List.of("optimize", "read"), expiresAt, "alice"))
        .orElseThrow();
  }

  @Test
  void aTokenIsFoundByItsSecretsHashOnly() throws Exception {
    ApiTokenSecret secret = ApiTokenSecret.generate();
    Instant expiry = NOW.plus(Duration.ofDays(90));
    ApiToken created = create(secret, expiry);

    assertThat(created.name()).isEqualTo(name);
    assertThat(created.scopes()).containsExactly("optimize", "read");
    assertThat(created.expiresAt()).isEqualTo(expiry);
    assertThat(created.createdBy()).isEqualTo("alice");
    assertThat(created.tokenHint()).isEqualTo(secret.hint());
    assertThat(created.useCount()).isZero();
    assertThat(created.lastUsedAt()).isNull();
    assertThat(created.revoked()).isFalse();
    assertThat(store.findBySha256(secret.sha256())).contains(created);
    assertThat(store.findBySha256(ApiTokenSecret.generate().sha256())).isEmpty();
    assertThat(store.find(created.id())).contains(created);
    assertThat(store.all()).contains(created);
  }

  @Test
  void aLiveNameIsUniqueUntilItsTokenIsRevoked() throws Exception {
    ApiToken first = create(ApiTokenSecret.generate(), NOW.plus(Duration.ofDays(1)));

    assertThat(
            store.create(
                new NewToken(
                    name, ApiTokenSecret.generate(), List.of("read"), NOW.plusSeconds(60), "bob")))
        .isEmpty();

    ApiToken revoked = store.revoke(first.id(), "bob", NOW).orElseThrow();
    assertThat(revoked.revokedAt()).isEqualTo(NOW);
    assertThat(revoked.revokedBy()).isEqualTo("bob");
    ApiToken second = create(ApiTokenSecret.generate(), NOW.plus(Duration.ofDays(1)));
    assertThat(second.id()).isNotEqualTo(first.id());
  }

  @Test
  void revokingTwiceKeepsTheFirstRevocationAndAnUnknownIdIsEmpty() throws Exception {
    ApiTokenSecret secret = ApiTokenSecret.generate();
    ApiToken token = create(secret, NOW.plus(Duration.ofDays(1)));

    store.revoke(token.id(), "alice", NOW);
    ApiToken again = store.revoke(token.id(), "bob", NOW.plusSeconds(30)).orElseThrow();

    assertThat(again.revokedAt()).isEqualTo(NOW);
    assertThat(again.revokedBy()).isEqualTo("alice");
    assertThat(store.findBySha256(secret.sha256()).orElseThrow().revoked()).isTrue();
    assertThat(store.revoke(Long.MAX_VALUE, "alice", NOW)).isEmpty();
  }

  @Test
  void anExpiredTokenIsStillFoundAndSaysSo() throws Exception {
    ApiTokenSecret secret = ApiTokenSecret.generate();
    create(secret, NOW.minusSeconds(1));

    ApiToken found = store.findBySha256(secret.sha256()).orElseThrow();
    assertThat(found.expiredAt(NOW)).isTrue();
    assertThat(found.expiredAt(NOW.minusSeconds(2))).isFalse();
  }

  @Test
  void usageBatchesAddUpAndNeverMoveTheLastUseBack() throws Exception {
    ApiToken a = create(ApiTokenSecret.generate(), NOW.plus(Duration.ofDays(1)));
    name = name + "-b";
    ApiToken b = create(ApiTokenSecret.generate(), NOW.plus(Duration.ofDays(1)));

    store.addUsage(List.of(new Usage(a.id(), 5, NOW), new Usage(b.id(), 1, NOW.minusSeconds(9))));
    store.addUsage(List.of(new Usage(a.id(), 2, NOW.minusSeconds(60))));
    store.addUsage(List.of());

    ApiToken usedA = store.find(a.id()).orElseThrow();
    assertThat(usedA.useCount()).isEqualTo(7);
    assertThat(usedA.lastUsedAt()).isEqualTo(NOW);
    ApiToken usedB = store.find(b.id()).orElseThrow();
    assertThat(usedB.useCount()).isEqualTo(1);
    assertThat(usedB.lastUsedAt()).isEqualTo(NOW.minusSeconds(9));
  }
}
