package de.vorlauf.simulator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.ingest.DevicePayloadParser;
import de.vorlauf.domain.ingest.ParsedMessage;
import de.vorlauf.domain.ingest.RejectReason;
import de.vorlauf.simulator.physics.SensorSample;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageRendererTest {

  private static final Instant T = Instant.parse("2026-01-15T10:00:00Z");
  private static final List<SensorSample> SAMPLES =
      List.of(
          new SensorSample("vorlauf_temp_hk1", 48.123456, "degC", "good", T),
          new SensorSample("flow_rate_hk1", 12.0, "L/min", "uncertain", T),
          new SensorSample("heat_energy", 51234.5, "kWh", "bad", T));

  @Test
  void aRenderedMessageIsReadByIngestionWithEveryReadingAndTheMessageTime() {
    ParsedMessage parsed =
        new DevicePayloadParser()
            .parseMessage(
                MessageRenderer.render("sim-0001-gb", T, SAMPLES, "sim-gw001"), "sim-0001-gb");

    assertThat(parsed.rejections()).isEmpty();
    assertThat(parsed.deviceId()).isEqualTo("sim-0001-gb");
    assertThat(parsed.candidates()).hasSize(3);
    assertThat(MessageRenderer.text("sim-0001-gb", T, SAMPLES, null))
        .contains("\"timestamp\":\"2026-01-15T10:00:00Z\"")
        .contains("\"value\":48.123,")
        .contains("\"value\":12,")
        .contains("\"quality\":\"uncertain\"");
  }

  @Test
  void aMalformedMessageIsRefusedAsMalformedJson() {
    ParsedMessage parsed =
        new DevicePayloadParser()
            .parseMessage(
                MessageRenderer.malformed("sim-0001-gb", T, SAMPLES, null), "sim-0001-gb");

    assertThat(parsed.candidates()).isEmpty();
    assertThat(parsed.rejections())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).isEqualTo(RejectReason.MALFORMED_JSON));
  }

  @Test
  void nonFiniteValuesAreRenderedSoIngestionCanNameThem() {
    String text =
        MessageRenderer.text(
            "d", T, List.of(new SensorSample("outdoor_temp", Double.NaN, "degC", "good", T)), null);
    assertThat(text).contains("\"value\":NaN");
  }
}
