package de.vorlauf.worker.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.ingest.Lane;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MqttIngestorSettingsTest {

  private static MqttIngestorSettings live(String shareGroup) {
    return new MqttIngestorSettings(
        "tcp://127.0.0.1:1883",
        "vorlauf-worker",
        "secret",
        "w1",
        shareGroup,
        100,
        Duration.ofHours(1),
        Duration.ofSeconds(30),
        2,
        Duration.ofMillis(500));
  }

  @Test
  void aShareGroupPrefixesBothLanesFilters() {
    MqttIngestorSettings live = live("g1");

    assertThat(live.filters())
        .containsExactly("$share/g1/greenbox/+/sensors", "$share/g1/greenbox/+/sensors/+");
    assertThat(live.backlog().filters()).containsExactly("$share/g1/greenbox/+/backlog");
    assertThat(live.backlog().lane()).isEqualTo(Lane.BACKLOG);
    // a plain subscriber of the same client id before would otherwise get every message twice
    assertThat(live.staleFilters()).containsExactly("greenbox/+/sensors", "greenbox/+/sensors/+");
    assertThat(live.backlog().staleFilters()).containsExactly("greenbox/+/backlog");
  }

  @Test
  void withoutAShareGroupBothLanesSubscribePlainly() {
    MqttIngestorSettings live = live(null);

    assertThat(live.filters()).containsExactly("greenbox/+/sensors", "greenbox/+/sensors/+");
    assertThat(live.backlog().filters()).containsExactly("greenbox/+/backlog");
    assertThat(live.backlog().clientId()).isEqualTo("w1-backlog");
    // what the default share group left in the session is removed
    assertThat(live.staleFilters())
        .containsExactly(
            "$share/vorlauf-ingest/greenbox/+/sensors",
            "$share/vorlauf-ingest/greenbox/+/sensors/+");
    assertThat(live.backlog().staleFilters())
        .containsExactly("$share/vorlauf-ingest/greenbox/+/backlog");
    assertThat(live.toString()).contains("shareGroup=none (plain subscription)");
  }
}
