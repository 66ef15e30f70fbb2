package de.vorlauf.webadmin.rest;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.persistence.registry.DeviceToken;
import de.vorlauf.persistence.registry.GatewayCredential;
import de.vorlauf.persistence.registry.GatewayRegistration;
import de.vorlauf.persistence.registry.MosquittoPasswordHash;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GatewayMapperTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void aGatewayLogsInWithItsIdAsMqttUserName() {
    GatewayDto dto = GatewayMapper.toDto(new GatewayRegistration("gw-1", "rack", NOW));

    assertThat(dto).isEqualTo(new GatewayDto("gw-1", "gw-1", "rack", true, NOW, NOW));
  }

  @Test
  void credentialKeepsOnlyHashesAndItsStateFollowsRotationAndRevocation() {
    DeviceToken token = DeviceToken.generate();
    GatewayCredential credential = new GatewayCredential("gw-1", token, "admin", NOW);

    assertThat(MosquittoPasswordHash.verify(token.value(), credential.getMosquittoHash())).isTrue();
    assertThat(GatewayMapper.toDto(credential, NOW).toString()).doesNotContain(token.value());
    assertThat(GatewayMapper.toDto(credential, NOW).state()).isEqualTo("valid");

    credential.expireAt(NOW.plus(Duration.ofHours(1)));
    assertThat(GatewayMapper.state(credential, NOW)).isEqualTo("expiring");
    assertThat(credential.validAt(NOW)).isTrue();
    assertThat(GatewayMapper.state(credential, NOW.plus(Duration.ofHours(1)))).isEqualTo("expired");
    assertThat(credential.validAt(NOW.plus(Duration.ofHours(1)))).isFalse();

    credential.revoke("admin", NOW);
    assertThat(GatewayMapper.state(credential, NOW)).isEqualTo("revoked");
    assertThat(credential.validAt(NOW)).isFalse();
  }
}
