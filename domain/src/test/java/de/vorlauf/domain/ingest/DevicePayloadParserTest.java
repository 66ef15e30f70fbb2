package de.vorlauf.domain.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DevicePayloadParserTest {

  private final DevicePayloadParser parser = new DevicePayloadParser();

  @Test
  void readsTheSourceDocumentsMessage() {
    String json =
        """
        {"timestamp": "2025-01-15T14:30:00Z", "device_id": "greenbox-abc123",
         "readings": [
           {"sensor_id": "vorlauf_temp_hk1", "value": 52.3, "unit": "degC", "quality": "good"},
           {"sensor_id": "ruecklauf_temp_hk1", "value": 38.7, "unit": "degC"}],
         "metadata": {"firmware_version": "2.1.4", "signal_strength": -67}}
        """;

    ParsedMessage message = parser.parseMessage(json.getBytes(UTF_8), "greenbox-abc123");

    assertThat(message.rejections()).isEmpty();
    assertThat(message.deviceId()).isEqualTo("greenbox-abc123");
    assertThat(message.candidates())
        .containsExactly(
            new ReadingCandidate(
                "greenbox-abc123",
                "vorlauf_temp_hk1",
                Instant.parse("2025-01-15T14:30:00Z"),
                52.3,
                "degC",
                "good"),
            new ReadingCandidate(
                "greenbox-abc123",
                "ruecklauf_temp_hk1",
                Instant.parse("2025-01-15T14:30:00Z"),
                38.7,
                "degC",
                null));
  }

  @Test
  void aBadReadingDoesNotCostTheOthers() {
    String json =
        """
        {"timestamp": "2025-01-15T14:30:00+01:00", "device_id": "d1",
         "readings": [{"sensor_id": "outdoor_temp", "value": "cold", "unit": "degC"},
                      {"sensor_id": "outdoor_temp", "value": 3.5, "unit": "degC",
                       "timestamp": "2025-01-15T13:29:00Z"}]}
        """;

    ParsedMessage message = parser.parseMessage(json.getBytes(UTF_8), null);

    assertThat(message.rejections())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo(RejectReason.WRONG_TYPE);
              assertThat(r.detail()).contains("readings[0].value");
              assertThat(r.sensorId()).isEqualTo("outdoor_temp");
            });
    assertThat(message.candidates())
        .singleElement()
        .satisfies(c -> assertThat(c.time()).isEqualTo(Instant.parse("2025-01-15T13:29:00Z")));
  }

  @Test
  void nonNumericNumberTokensBecomeNonFiniteValuesNotMalformedJson() {
    String json =
        """
        {"timestamp": "2025-01-15T14:30:00Z", "device_id": "d1",
         "readings": [{"sensor_id": "outdoor_temp", "value": NaN, "unit": "degC"}]}
        """;
    ParsedMessage message = parser.parseMessage(json.getBytes(UTF_8), "d1");
    assertThat(message.candidates()).singleElement().satisfies(c -> assertThat(c.value()).isNaN());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not json                | {\"timestamp\": |                                                 MALFORMED_JSON",
        "array                   | []  |                                                             MALFORMED_JSON",
        "no device               | {\"timestamp\":\"2025-01-15T14:30:00Z\",\"readings\":[]} |          MISSING_FIELD",
        "device not a string     | {\"device_id\":7,\"timestamp\":\"2025-01-15T14:30:00Z\",\"readings\":[]} | WRONG_TYPE",
        "other device            | {\"device_id\":\"d2\",\"timestamp\":\"2025-01-15T14:30:00Z\",\"readings\":[]} | DEVICE_MISMATCH",
        "no timestamp            | {\"device_id\":\"d1\",\"readings\":[]} |                           MISSING_FIELD",
        "timestamp not a string  | {\"device_id\":\"d1\",\"timestamp\":1736951400,\"readings\":[]} |     WRONG_TYPE",
        "timestamp without zone  | {\"device_id\":\"d1\",\"timestamp\":\"2025-01-15T14:30:00\",\"readings\":[]} | INVALID_TIMESTAMP",
        "no readings             | {\"device_id\":\"d1\",\"timestamp\":\"2025-01-15T14:30:00Z\"} |    MISSING_FIELD",
        "readings not an array   | {\"device_id\":\"d1\",\"timestamp\":\"2025-01-15T14:30:00Z\",\"readings\":{}} | WRONG_TYPE",
        "reading not an object   | {\"device_id\":\"d1\",\"timestamp\":\"2025-01-15T14:30:00Z\",\"readings\":[1]} | WRONG_TYPE",
        "no sensor id            | {\"device_id\":\"d1\",\"timestamp\":\"2025-01-15T14:30:00Z\",\"readings\":[{\"value\":1,\"unit\":\"kW\"}]} | MISSING_FIELD",
        "no value                | {\"device_id\":\"d1\",\"timestamp\":\"2025-01-15T14:30:00Z\",\"readings\":[{\"sensor_id\":\"heat_power\",\"unit\":\"kW\"}]} | MISSING_FIELD",
        "no unit                 | {\"device_id\":\"d1\",\"timestamp\":\"2025-01-15T14:30:00Z\",\"readings\":[{\"sensor_id\":\"heat_power\",\"value\":1}]} | MISSING_FIELD",
        "unit not a string       | {\"device_id\":\"d1\",\"timestamp\":\"2025-01-15T14:30:00Z\",\"readings\":[{\"sensor_id\":\"heat_power\",\"value\":1,\"unit\":5}]} | WRONG_TYPE",
        "quality not a string    | {\"device_id\":\"d1\",\"timestamp\":\"2025-01-15T14:30:00Z\",\"readings\":[{\"sensor_id\":\"heat_power\",\"value\":1,\"unit\":\"kW\",\"quality\":1}]} | WRONG_TYPE",
        "duplicate key           | {\"device_id\":\"d1\",\"device_id\":\"d1\",\"timestamp\":\"2025-01-15T14:30:00Z\",\"readings\":[]} | MALFORMED_JSON",
      })
  void namesTheRuleEachBrokenMessageBreaks(String name, String json, RejectReason reason) {
    ParsedMessage message = parser.parseMessage(json.strip().getBytes(UTF_8), "d1");

    assertThat(message.candidates()).isEmpty();
    assertThat(message.rejections())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).isEqualTo(reason));
  }

  @Test
  void readsThePerSensorForm() {
    String json = "{\"value\": 21.4, \"unit\": \"°C\", \"timestamp\": \"2025-01-15T14:30:00Z\"}";

    ParsedMessage message =
        parser.parseSingleSensor(json.getBytes(UTF_8), "d1", "indoor_temp", Instant.EPOCH);

    assertThat(message.candidates())
        .containsExactly(
            new ReadingCandidate(
                "d1", "indoor_temp", Instant.parse("2025-01-15T14:30:00Z"), 21.4, "°C", null));
  }

  @Test
  void readsTheSourceDocumentsValueOnlyMessageWithTheReceiveTime() {
    Instant received = Instant.parse("2025-01-15T14:31:07.250Z");

    ParsedMessage message =
        parser.parseSingleSensor(
            "{\"value\": 52.3}".getBytes(UTF_8), "d1", "vorlauf_temp_hk1", received);

    assertThat(message.rejections()).isEmpty();
    assertThat(message.candidates())
        .containsExactly(
            new ReadingCandidate(
                "d1",
                "vorlauf_temp_hk1",
                received,
                52.3,
                null,
                null,
                de.vorlauf.domain.sensor.TimestampSource.RECEIPT));
  }

  @Test
  void aPerSensorTimestampStaysTheDevicesAndABadOneIsStillRefused() {
    ParsedMessage stamped =
        parser.parseSingleSensor(
            "{\"value\": 1, \"timestamp\": \"2025-01-15T14:30:00Z\"}".getBytes(UTF_8),
            "d1",
            "outdoor_temp",
            Instant.EPOCH);
    assertThat(stamped.candidates().get(0).timestampSource())
        .isEqualTo(de.vorlauf.domain.sensor.TimestampSource.DEVICE);
    ParsedMessage broken =
        parser.parseSingleSensor(
            "{\"value\": 1, \"timestamp\": \"yesterday\"}".getBytes(UTF_8),
            "d1",
            "outdoor_temp",
            Instant.EPOCH);
    assertThat(broken.rejections())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).isEqualTo(RejectReason.INVALID_TIMESTAMP));
  }

  @Test
  void keepsTheMessagesMetadataAndIgnoresAMisshapenOne() {
    String json =
        "{\"device_id\":\"d1\",\"timestamp\":\"2025-01-15T14:30:00Z\",\"readings\":[],"
            + "\"metadata\":{\"firmware_version\":\"2.1.4\",\"signal_strength\":-67}}";
    assertThat(parser.parseMessage(json.getBytes(UTF_8), "d1").metadata())
        .isEqualTo(new DeviceMetadata("2.1.4", -67));
    String odd = json.replace("-67", "\"strong\"").replace("\"2.1.4\"", "7");
    assertThat(parser.parseMessage(odd.getBytes(UTF_8), "d1").metadata()).isNull();
  }
}
