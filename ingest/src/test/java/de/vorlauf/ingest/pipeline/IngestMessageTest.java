package de.vorlauf.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a message carries before any rule ran: sender and sensor, and its quarantine key. */
class IngestMessageTest {

  @Test
  void mqttMessagesTakeDeviceAndSensorFromTheTopic() {
    IngestMessage message =
        IngestMessage.mqtt(
            "greenbox/gb-7/sensors/heat_power", new byte[0], java.time.Instant.EPOCH);
    assertThat(message.senderId()).isEqualTo("gb-7");
    assertThat(message.sensorId()).isEqualTo("heat_power");
    assertThat(message.unknownTopic()).isFalse();
    assertThat(IngestMessage.mqtt("x/y", new byte[0], java.time.Instant.EPOCH).unknownTopic())
        .isTrue();
  }

  @Test
  void theSameMessageHasTheSameKeyAndAnotherTopicAnother() {
    byte[] payload = "{\"a\":1}".getBytes();
    java.time.Instant t = java.time.Instant.EPOCH;
    String key = IngestMessage.mqtt("greenbox/a/sensors", payload, t).messageKey();
    assertThat(
            IngestMessage.mqtt("greenbox/a/sensors", payload.clone(), t.plusSeconds(5))
                .messageKey())
        .isEqualTo(key);
    assertThat(IngestMessage.mqtt("greenbox/b/sensors", payload, t).messageKey()).isNotEqualTo(key);
    assertThat(IngestMessage.rest("a", payload, t).messageKey()).isNotEqualTo(key).hasSize(64);
  }
}
