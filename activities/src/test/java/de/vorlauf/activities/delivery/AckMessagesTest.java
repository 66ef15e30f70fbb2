package de.vorlauf.activities.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.persistence.delivery.DeviceAck;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The device contract's ack as the listener reads it, and what it refuses to read. */
class AckMessagesTest {

  @Test
  void readsAppliedAndRejectedAcks() {
    DeviceAck applied =
        AckMessages.parse(
            "gb-1",
            bytes(
                "{\"command_id\":\"c1\",\"status\":\"applied\",\"applied_value\":44.5,"
                    + "\"applied_at\":\"2026-12-04T10:05:01Z\"}"));
    assertThat(applied)
        .isEqualTo(
            new DeviceAck("gb-1", "c1", true, null, 44.5, Instant.parse("2026-12-04T10:05:01Z")));

    DeviceAck rejected =
        AckMessages.parse(
            "gb-1",
            bytes(
                "{\"command_id\":\"c2\",\"status\":\"rejected\",\"reason\":\"expired\","
                    + "\"applied_value\":null,\"applied_at\":\"2026-12-04T10:05:01Z\"}"));
    assertThat(rejected.applied()).isFalse();
    assertThat(rejected.reason()).isEqualTo("expired");
    assertThat(rejected.appliedValue()).isNull();
  }

  @Test
  void refusesWhatItCannotRead() {
    assertThatThrownBy(() -> AckMessages.parse("gb-1", bytes("{not json")))
        .hasMessageContaining("JSON");
    assertThatThrownBy(() -> AckMessages.parse("gb-1", bytes("{\"status\":\"applied\"}")))
        .hasMessageContaining("command_id");
    assertThatThrownBy(
            () -> AckMessages.parse("gb-1", bytes("{\"command_id\":\"c\",\"status\":\"maybe\"}")))
        .hasMessageContaining("status");
    assertThatThrownBy(
            () -> AckMessages.parse("gb-1", bytes("{\"command_id\":\"c\",\"status\":\"applied\"}")))
        .hasMessageContaining("applied_value");
  }

  @Test
  void takesTheDeviceFromTheAckTopicOnly() {
    assertThat(AckMessages.device("greenbox/gb-7/commands/ack")).contains("gb-7");
    assertThat(AckMessages.device("greenbox/gb-7/commands/setpoint")).isEmpty();
    assertThat(AckMessages.device("greenbox/a/b/commands/ack")).isEmpty();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
