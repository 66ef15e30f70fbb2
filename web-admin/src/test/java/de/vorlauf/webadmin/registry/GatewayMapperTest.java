package de.vorlauf.webadmin.registry;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.persistence.registry.GatewayRegistration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GatewayMapperTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void aGatewayLogsInWithItsIdAsMqttUserName() {
    GatewayDto dto = GatewayMapper.toDto(new GatewayRegistration("gw-1", "rack", NOW));

    assertThat(dto).isEqualTo(new GatewayDto("gw-1", "gw-1", "rack", true, NOW, NOW));
  }
}
