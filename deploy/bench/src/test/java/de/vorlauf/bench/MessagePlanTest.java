package de.vorlauf.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.ingest.DevicePayloadParser;
import de.vorlauf.domain.ingest.ParsedMessage;
import de.vorlauf.domain.ingest.ReadingCandidate;
import de.vorlauf.domain.ingest.ReadingValidator;
import de.vorlauf.domain.ingest.ValidationPolicy;
import de.vorlauf.domain.sensor.SensorCatalogue;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessagePlanTest {

  @Test
  void everyReadingIsValidAndHasItsOwnKey() {
    Instant base = Instant.parse("2025-01-15T14:30:00Z");
    byte[] payload = new MessagePlan(10).payload("bench-0001", base, 3);

    ParsedMessage message = new DevicePayloadParser().parseMessage(payload, "bench-0001");
    ReadingValidator validator =
        new ReadingValidator(SensorCatalogue.standard(), ValidationPolicy.DEFAULT);

    assertThat(message.rejections()).isEmpty();
    assertThat(message.candidates()).hasSize(10);
    assertThat(message.candidates().stream().map(c -> c.sensorId() + "@" + c.time()).distinct())
        .hasSize(10);
    for (ReadingCandidate candidate : message.candidates()) {
      assertThat(validator.validate(candidate, base))
          .isInstanceOf(ReadingValidator.Outcome.Accepted.class);
    }
    assertThat(new String(payload, UTF_8)).contains("\"device_id\":\"bench-0001\"");
  }
}
