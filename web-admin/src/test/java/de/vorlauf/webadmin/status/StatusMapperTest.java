package de.vorlauf.webadmin.status;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.webadmin.config.ServiceOrigins;
import de.vorlauf.webadmin.probe.ServiceCheck;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusMapperTest {

  @Test
  void serviceCarriesTheLauncherLabelNextToTheLiveResult() {
    ServiceCheck check = ServiceCheck.down("mqtt", "cannot reach the broker");
    ServiceOrigins origins = ServiceOrigins.parse("mqtt=embedded HiveMQ CE (fallback)");

    ServiceDto dto = StatusMapper.toDto(check, origins);

    assertThat(dto.name()).isEqualTo("mqtt");
    assertThat(dto.up()).isFalse();
    assertThat(dto.origin()).isEqualTo("embedded HiveMQ CE (fallback)");
    assertThat(dto.detail()).isEqualTo("cannot reach the broker");
  }

  @Test
  void serviceWithoutLabelIsShownAsConfigured() {
    ServiceCheck check =
        ServiceCheck.up("temporal", "in-JVM", 4, Map.of("namespace", "default"))
            .withLimits(List.of("no Schedules"));

    ServiceDto dto = StatusMapper.toDto(check, ServiceOrigins.none());

    assertThat(dto.origin()).isEqualTo(StatusMapper.CONFIGURED);
    assertThat(dto.latencyMillis()).isEqualTo(4L);
    assertThat(dto.facts()).containsEntry("namespace", "default");
    assertThat(dto.limits()).containsExactly("no Schedules");
  }
}
