package de.vorlauf.webadmin.registry;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.broker.MosquittoPasswordHash;
import de.vorlauf.persistence.registry.DeviceCredential;
import de.vorlauf.persistence.registry.DeviceToken;
import de.vorlauf.persistence.registry.GatewayCredential;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CredentialMapperTest {

  private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

  @Test
  void credentialStateFollowsRotationAndRevocation() {
    DeviceToken token = DeviceToken.generate();
    DeviceCredential credential = new DeviceCredential("gb-1", token, "admin", NOW);

    CredentialDto fresh = CredentialMapper.toDeviceDto(credential, NOW);
    assertThat(fresh.deviceId()).isEqualTo("gb-1");
    assertThat(fresh.state()).isEqualTo("valid");
    assertThat(fresh.tokenHint()).isEqualTo(token.hint());
    assertThat(fresh.toString()).doesNotContain(token.value());

    credential.expireAt(NOW.plus(Duration.ofHours(1)));
    assertThat(CredentialMapper.state(credential, NOW)).isEqualTo("expiring");
    assertThat(CredentialMapper.state(credential, NOW.plus(Duration.ofHours(2))))
        .isEqualTo("expired");
    assertThat(credential.validAt(NOW.plus(Duration.ofMinutes(59)))).isTrue();
    assertThat(credential.validAt(NOW.plus(Duration.ofHours(1)))).isFalse();

    credential.revoke("admin", NOW);
    assertThat(CredentialMapper.state(credential, NOW)).isEqualTo("revoked");
    assertThat(credential.validAt(NOW)).isFalse();
  }

  @Test
  void credentialKeepsOnlyHashesAndItsStateFollowsRotationAndRevocation() {
    DeviceToken token = DeviceToken.generate();
    GatewayCredential credential = new GatewayCredential("gw-1", token, "admin", NOW);

    assertThat(MosquittoPasswordHash.verify(token.value(), credential.getMosquittoHash())).isTrue();
    assertThat(CredentialMapper.toGatewayDto(credential, NOW).toString())
        .doesNotContain(token.value());
    assertThat(CredentialMapper.toGatewayDto(credential, NOW).gatewayId()).isEqualTo("gw-1");
    assertThat(CredentialMapper.toGatewayDto(credential, NOW).state()).isEqualTo("valid");

    credential.expireAt(NOW.plus(Duration.ofHours(1)));
    assertThat(CredentialMapper.state(credential, NOW)).isEqualTo("expiring");
    assertThat(credential.validAt(NOW)).isTrue();
    assertThat(CredentialMapper.state(credential, NOW.plus(Duration.ofHours(1))))
        .isEqualTo("expired");
    assertThat(credential.validAt(NOW.plus(Duration.ofHours(1)))).isFalse();

    credential.revoke("admin", NOW);
    assertThat(CredentialMapper.state(credential, NOW)).isEqualTo("revoked");
    assertThat(credential.validAt(NOW)).isFalse();
  }
}
