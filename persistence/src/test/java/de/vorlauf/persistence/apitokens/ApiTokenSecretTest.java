package de.vorlauf.persistence.apitokens;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.persistence.registry.DeviceToken;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokenSecretTest {

  @Test
  void tokensArePrefixed256BitBase64UrlStrings() {
    ApiTokenSecret token = ApiTokenSecret.generate();

    assertThat(token.value()).hasSize(47).matches("vlt_[A-Za-z0-9_-]{43}");
    assertThat(ApiTokenSecret.wellFormed(token.value())).isTrue();
    assertThat(token.hint()).isEqualTo(token.value().substring(0, 8));
    assertThat(token.toString()).doesNotContain(token.value());
  }

  @Test
  void everyTokenIsNew() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      assertThat(seen.add(ApiTokenSecret.generate().value())).isTrue();
    }
  }

  @Test
  void lookupHashIsSha256OfTheWholeToken() {
    // computed with `printf vlt_test | sha256sum`
    assertThat(HexFormat.of().formatHex(ApiTokenSecret.sha256("vlt_test")))
        .isEqualTo("807ce9e4352e0ecb24862e3a2c2c4138af97a7c802159723fddec68a897283bf");
  }

  @Test
  void malformedCandidatesAndDeviceTokensAreNoApiTokens() {
    String valid = ApiTokenSecret.generate().value();
    assertThat(ApiTokenSecret.wellFormed(null)).isFalse();
    assertThat(ApiTokenSecret.wellFormed("")).isFalse();
    assertThat(ApiTokenSecret.wellFormed(valid.substring(0, 46))).isFalse();
    assertThat(ApiTokenSecret.wellFormed(valid + "A")).isFalse();
    assertThat(ApiTokenSecret.wellFormed(valid.substring(0, 46) + "/")).isFalse();
    assertThat(ApiTokenSecret.wellFormed(DeviceToken.generate().value())).isFalse();
  }
}
