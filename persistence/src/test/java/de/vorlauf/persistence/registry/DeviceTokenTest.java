package de.vorlauf.persistence.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeviceTokenTest {

  @Test
  void tokensArePrefixed256BitBase64UrlStrings() {
    DeviceToken token = DeviceToken.generate();

    assertThat(token.value()).startsWith("vlf_").hasSize(47).matches("vlf_[A-Za-z0-9_-]{43}");
    assertThat(DeviceToken.wellFormed(token.value())).isTrue();
    assertThat(token.hint()).isEqualTo(token.value().substring(0, 8) + "…");
    assertThat(token.toString()).doesNotContain(token.value());
  }

  @Test
  void everyTokenIsNew() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      assertThat(seen.add(DeviceToken.generate().value())).isTrue();
    }
  }

  @Test
  void lookupHashIsSha256OfTheWholeToken() {
    // sha256("vlf_test") computed with `printf vlf_test | sha256sum`
    assertThat(HexFormat.of().formatHex(DeviceToken.sha256("vlf_test")))
        .isEqualTo("68affc340e0dd6de964248b4d8968919d0d8140b5b5920a9fe021f508bc4df1d");
  }

  @Test
  void malformedCandidatesAreRecognisedWithoutALookup() {
    assertThat(DeviceToken.wellFormed(null)).isFalse();
    assertThat(DeviceToken.wellFormed("")).isFalse();
    assertThat(DeviceToken.wellFormed("vlf_short")).isFalse();
    assertThat(DeviceToken.wellFormed("xyz_" + "a".repeat(43))).isFalse();
    assertThat(DeviceToken.wellFormed("vlf_" + "a".repeat(42) + "=")).isFalse();
  }
}
