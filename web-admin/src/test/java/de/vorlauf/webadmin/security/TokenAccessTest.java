package de.vorlauf.webadmin.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.persistence.apitokens.ApiToken;
import de.vorlauf.webadmin.security.TokenAccess.Need;
import de.vorlauf.webadmin.security.TokenAccess.Outcome;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenAccessTest {

  private static final Instant NOW = Instant.parse("2026-12-04T05:00:00Z");

  static class Unmarked {
    public void get() {}
  }

  @TokenScope("optimize")
  static class MarkedClass {
    public void post() {}

    @TokenScope("read")
    public void overridden() {}
  }

  @AdminSessionOnly
  static class Administration {
    @TokenScope("read")
    public void list() {}
  }

  private static Method method(Class<?> type, String name) throws NoSuchMethodException {
    return type.getMethod(name);
  }

  private static ApiToken token(List<String> scopes, Instant expiresAt, Instant revokedAt) {
    return new ApiToken(
        7,
        "bms",
        "vlt_abcd",
        scopes,
        expiresAt,
        NOW.minusSeconds(3600),
        "alice",
        revokedAt,
        revokedAt == null ? null : "bob",
        null,
        0);
  }

  @Test
  void unmarkedGetsNeedReadAndEverythingElseUnmarkedAnAdminSession() throws Exception {
    Method get = method(Unmarked.class, "get");
    assertThat(TokenAccess.need(Unmarked.class, get, "GET")).isEqualTo(new Need("read"));
    assertThat(TokenAccess.need(Unmarked.class, get, "HEAD")).isEqualTo(new Need("read"));
    for (String verb : List.of("POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
      assertThat(TokenAccess.need(Unmarked.class, get, verb).adminSessionOnly()).isTrue();
    }
  }

  @Test
  void aMarkedResourceNeedsItsScopeTheMethodsOverItsClasses() throws Exception {
    assertThat(TokenAccess.need(MarkedClass.class, method(MarkedClass.class, "post"), "POST"))
        .isEqualTo(new Need("optimize"));
    assertThat(TokenAccess.need(MarkedClass.class, method(MarkedClass.class, "post"), "GET"))
        .isEqualTo(new Need("optimize"));
    assertThat(TokenAccess.need(MarkedClass.class, method(MarkedClass.class, "overridden"), "POST"))
        .isEqualTo(new Need("read"));
  }

  @Test
  void theTokenAdministrationIsForAdminSessionsWhateverElseItSays() throws Exception {
    assertThat(
            TokenAccess.need(Administration.class, method(Administration.class, "list"), "GET")
                .adminSessionOnly())
        .isTrue();
    ApiToken everything = token(List.of("optimize", "read"), NOW.plusSeconds(60), null);
    assertThat(TokenAccess.check(everything, NOW, new Need(null))).isEqualTo(Outcome.SCOPE);
  }

  @Test
  void aLiveTokenWithTheScopeIsAcceptedAndWithoutItRefused() {
    ApiToken optimizeOnly = token(List.of("optimize"), NOW.plusSeconds(60), null);
    assertThat(TokenAccess.check(optimizeOnly, NOW, new Need("optimize")))
        .isEqualTo(Outcome.ACCEPTED);
    assertThat(TokenAccess.check(optimizeOnly, NOW, new Need("read"))).isEqualTo(Outcome.SCOPE);
  }

  @Test
  void unknownRevokedAndExpiredComeBeforeTheScope() {
    assertThat(TokenAccess.check(null, NOW, new Need("read"))).isEqualTo(Outcome.UNKNOWN);
    ApiToken expired = token(List.of("read"), NOW, null);
    assertThat(TokenAccess.check(expired, NOW, new Need("read"))).isEqualTo(Outcome.EXPIRED);
    assertThat(TokenAccess.check(expired, NOW.minusNanos(1), new Need("read")))
        .isEqualTo(Outcome.ACCEPTED);
    ApiToken revokedAndExpired = token(List.of("read"), NOW.minusSeconds(1), NOW.minusSeconds(5));
    assertThat(TokenAccess.check(revokedAndExpired, NOW, new Need("optimize")))
        .isEqualTo(Outcome.REVOKED);
  }

  @Test
  void outcomesAreTaggedInLowerCase() {
    assertThat(List.of(Outcome.values()).stream().map(Outcome::tag))
        .containsExactly("accepted", "unknown", "expired", "revoked", "scope");
  }
}
