package de.vorlauf.activities.optimization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.vorlauf.domain.optimization.OptimizationResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetpointCommandsTest {

  private static final Instant AS_OF = Instant.parse("2026-01-15T12:05:00Z");

  @Test
  void theCommandIsTheDeviceContractsWithTheRoomSetpointOnlyWhenAsked() throws Exception {
    JsonNode withRoom = json(result(true));
    JsonNode without = json(result(false));

    assertThat(withRoom.get("command_id").asText()).isEqualTo("c-1");
    assertThat(withRoom.get("circuit").asInt()).isEqualTo(1);
    assertThat(withRoom.get("flow_temp_setpoint").asDouble()).isEqualTo(42.25);
    assertThat(withRoom.get("room_setpoint").asDouble()).isEqualTo(20.5);
    assertThat(withRoom.get("valid_until").asText()).isEqualTo("2026-01-15T13:05:00Z");
    assertThat(withRoom.get("issued_at").asText()).isEqualTo("2026-01-15T12:05:00Z");
    assertThat(without.has("room_setpoint")).isFalse();
    assertThat(without.size()).isEqualTo(5);
  }

  @Test
  void theCommandIdIsTheSameForTheSameBuildingInstantAndOriginOnly() {
    String id = SetpointCommands.commandId("b-1", AS_OF, "hourly");

    assertThat(SetpointCommands.commandId("b-1", AS_OF, "hourly")).isEqualTo(id);
    assertThat(SetpointCommands.commandId("b-1", AS_OF, "closed-loop")).isNotEqualTo(id);
    assertThat(SetpointCommands.commandId("b-1", AS_OF.plusSeconds(3600), "hourly"))
        .isNotEqualTo(id);
    assertThat(SetpointCommands.commandId("b-2", AS_OF, "hourly")).isNotEqualTo(id);
  }

  private static JsonNode json(OptimizationResult result) throws Exception {
    return new ObjectMapper().readTree(SetpointCommands.json("c-1", result));
  }

  private static OptimizationResult result(boolean sendRoom) {
    return new OptimizationResult(
        "b-1",
        AS_OF,
        42.25,
        20.5,
        sendRoom,
        45,
        3,
        0.6,
        List.of(),
        List.of(),
        AS_OF.plusSeconds(3600),
        null,
        null,
        null);
  }
}
