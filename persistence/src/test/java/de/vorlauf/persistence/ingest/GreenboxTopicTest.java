package de.vorlauf.persistence.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GreenboxTopicTest {

  @Test
  void readsTheFullMessageForm() {
    assertThat(GreenboxTopic.parse("greenbox/gb-001/sensors"))
        .contains(new GreenboxTopic("gb-001", null));
  }

  @Test
  void readsThePerSensorForm() {
    assertThat(GreenboxTopic.parse("greenbox/gb-001/sensors/outdoor_temp"))
        .contains(new GreenboxTopic("gb-001", "outdoor_temp"));
    assertThat(
            GreenboxTopic.parse("greenbox/gb-001/sensors/outdoor_temp")
                .orElseThrow()
                .singleSensor())
        .isTrue();
  }

  @Test
  void refusesOtherTopics() {
    assertThat(GreenboxTopic.parse("greenbox//sensors")).isEmpty();
    assertThat(GreenboxTopic.parse("greenbox/gb-001/sensors/")).isEmpty();
    assertThat(GreenboxTopic.parse("greenbox/gb-001/setpoint")).isEmpty();
    assertThat(GreenboxTopic.parse("other/gb-001/sensors")).isEmpty();
    assertThat(GreenboxTopic.parse("greenbox/gb-001/sensors/a/b")).isEmpty();
    assertThat(GreenboxTopic.parse("greenbox/gb-001")).isEmpty();
    assertThat(GreenboxTopic.parse(null)).isEmpty();
  }

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
