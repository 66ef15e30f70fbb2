package de.vorlauf.ingest.topic;

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
  void readsTheBacklogForm() {
    assertThat(GreenboxTopic.parse("greenbox/gb-001/backlog"))
        .contains(new GreenboxTopic("gb-001", null, true));
    assertThat(GreenboxTopic.parse("greenbox/gb-001/sensors").orElseThrow().backlog()).isFalse();
    assertThat(GreenboxTopic.backlogAck("gb-001")).isEqualTo("greenbox/gb-001/backlog/ack");
  }

  @Test
  void theBacklogReceiptsAreNoDeviceTopic() {
    assertThat(GreenboxTopic.parse("greenbox/gb-001/backlog/ack")).isEmpty();
    assertThat(GreenboxTopic.parse("greenbox//backlog")).isEmpty();
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
}
