package de.vorlauf.simulator.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.vorlauf.simulator.physics.SetpointResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SetpointMessagesTest {

  private static SetpointMessages.Parsed parse(String json) {
    return SetpointMessages.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsACompleteCommand() {
    SetpointMessages.Parsed parsed =
        parse(
            "{\"command_id\":\"c1\",\"circuit\":1,\"flow_temp_setpoint\":42.5,\"room_setpoint\":21,"
                + "\"valid_until\":\"2026-01-15T11:00:00Z\",\"issued_at\":\"2026-01-15T10:00:00+01:00\"}");
    assertThat(parsed).isInstanceOf(SetpointMessages.Valid.class);
    var command = ((SetpointMessages.Valid) parsed).command();
    assertThat(command.commandId()).isEqualTo("c1");
    assertThat(command.flowTempSetpoint()).isEqualTo(42.5);
    assertThat(command.roomSetpoint()).isEqualTo(21.0);
    assertThat(command.issuedAt()).isEqualTo(Instant.parse("2026-01-15T09:00:00Z"));
  }

  @Test
  void namesTheCommandItCannotReadWhenItsIdIsReadable() {
    assertThat(parse("{\"command_id\":\"c2\",\"circuit\":1,\"flow_temp_setpoint\":\"hot\"}"))
        .isEqualTo(
            new SetpointMessages.Invalid("c2", "flow_temp_setpoint must be a finite number"));
    assertThat(parse("{\"command_id\":\"c3\",\"circuit\":1.5,\"flow_temp_setpoint\":40}"))
        .isEqualTo(new SetpointMessages.Invalid("c3", "circuit must be an integer"));
    assertThat(
            parse(
                "{\"command_id\":\"c4\",\"circuit\":1,\"flow_temp_setpoint\":40,"
                    + "\"valid_until\":\"tomorrow\",\"issued_at\":\"2026-01-15T10:00:00Z\"}"))
        .isEqualTo(new SetpointMessages.Invalid("c4", "valid_until must be an ISO-8601 timestamp"));
    assertThat(((SetpointMessages.Invalid) parse("{\"circuit\":1}")).commandId()).isNull();
    assertThat(((SetpointMessages.Invalid) parse("{oops")).commandId()).isNull();
  }

  @Test
  void acknowledgementsCarryTheDocumentedFields() throws Exception {
    Instant at = Instant.parse("2026-01-15T10:00:00Z");
    JsonNode applied =
        new ObjectMapper()
            .readTree(SetpointMessages.ack(new SetpointResult("c1", true, null, 42.5, at)));
    assertThat(applied.path("status").asText()).isEqualTo("applied");
    assertThat(applied.has("reason")).isFalse();
    assertThat(applied.path("applied_value").asDouble()).isEqualTo(42.5);
    assertThat(applied.path("applied_at").asText()).isEqualTo("2026-01-15T10:00:00Z");

    JsonNode rejected = new ObjectMapper().readTree(SetpointMessages.rejected("c2", "why", at));
    assertThat(rejected.path("status").asText()).isEqualTo("rejected");
    assertThat(rejected.path("reason").asText()).isEqualTo("why");
    assertThat(rejected.path("applied_value").isNull()).isTrue();
  }

  @Test
  void findsTheDeviceOfASetpointTopic() {
    assertThat(Topics.setpointDevice("greenbox/sim-0001-gb/commands/setpoint"))
        .contains("sim-0001-gb");
    assertThat(Topics.setpointDevice("greenbox/a/b/commands/setpoint")).isEmpty();
    assertThat(Topics.setpointDevice("greenbox/a/commands/ack")).isEmpty();
  }
}
