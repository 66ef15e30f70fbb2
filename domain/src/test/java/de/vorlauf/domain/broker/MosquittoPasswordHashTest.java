package de.vorlauf.domain.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class MosquittoPasswordHashTest {

  // written by `mosquitto_passwd -c -b pw dev-1 'vlf_test-secret'` (Mosquitto 2.0.11)
  private static final String MOSQUITTO_VECTOR =
      "$7$101$m+4yMGgn/g2Y8mYW$ctJlCLI/aHPurwsoqVoxFB0RE0s5CN9EqkS7PnvjmW7+8mu8FdvIpWsA1PxUTj3xAWfpUsQ/sT+o4Dw411xRKQ==";

  @Test
  void reproducesTheHashMosquittoPasswdWrote() {
    byte[] salt = Base64.getDecoder().decode("m+4yMGgn/g2Y8mYW");

    assertThat(MosquittoPasswordHash.hash("vlf_test-secret", salt, 101))
        .isEqualTo(MOSQUITTO_VECTOR);
    assertThat(MosquittoPasswordHash.verify("vlf_test-secret", MOSQUITTO_VECTOR)).isTrue();
    assertThat(MosquittoPasswordHash.verify("vlf_test-secreT", MOSQUITTO_VECTOR)).isFalse();
  }

  @Test
  void newHashesHaveMosquittosShapeAndAFreshSalt() {
    String first = MosquittoPasswordHash.hash("vlf_abc");
    String second = MosquittoPasswordHash.hash("vlf_abc");

    // 12-byte salt = 16 base64 chars, 64-byte hash = 88 chars with padding
    assertThat(first).matches("\\$7\\$101\\$[A-Za-z0-9+/]{16}\\$[A-Za-z0-9+/]{86}==");
    assertThat(first).isNotEqualTo(second);
    assertThat(MosquittoPasswordHash.verify("vlf_abc", first)).isTrue();
  }

  @Test
  void anythingButADollarSevenHashMatchesNoPassword() {
    assertThat(MosquittoPasswordHash.verify("x", "$6$abc$def")).isFalse();
    assertThat(MosquittoPasswordHash.verify("x", "not a hash")).isFalse();
    assertThat(MosquittoPasswordHash.verify("x", "$7$many$!!$??")).isFalse();
    assertThat(MosquittoPasswordHash.verify("x", "$7$0$AAAA$AAAA")).isFalse();
  }
}
