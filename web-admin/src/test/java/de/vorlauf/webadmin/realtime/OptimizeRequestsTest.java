package de.vorlauf.webadmin.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.vorlauf.webadmin.common.InvalidInputException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizeRequestsTest {

  private static final Instant NOW = Instant.parse("2026-12-04T10:20:00Z");

  @Test
  void theSourceDocumentsRequestIsRead() {
    OptimizeRequests.Request r =
        OptimizeRequests.parse(
            json(
                """
                {"building_id": "b-1", "current_state": {"timestamp": "2026-12-04T11:19:30+01:00",
                 "outdoor_temp": 2.5, "flow_temp": 55, "return_temp": 40, "indoor_temp": 21.2}}
                """),
            NOW);

    assertThat(r.buildingId()).isEqualTo("b-1");
    assertThat(r.state().timestamp()).isEqualTo(Instant.parse("2026-12-04T10:19:30Z"));
    assertThat(r.state().outdoorC()).isEqualTo(2.5);
    assertThat(r.state().flowC()).isEqualTo(55);
    assertThat(r.state().returnC()).isEqualTo(40);
    assertThat(r.state().indoorC()).isEqualTo(21.2);
  }

  @Test
  void theTimestampIsKeptToTheMicrosecondAsTheDatabaseKeepsIt() {
    OptimizeRequests.Request r =
        OptimizeRequests.parse(
            json(
                """
                {"building_id": "b-1", "current_state": {"timestamp": "2026-12-04T10:19:30.123456789Z",
                 "outdoor_temp": 2.5, "flow_temp": 55, "return_temp": 40}}
                """),
            NOW);

    assertThat(r.state().timestamp()).isEqualTo(Instant.parse("2026-12-04T10:19:30.123456Z"));
  }

  @Test
  void theIndoorTemperatureIsOptional() {
    assertThat(
            OptimizeRequests.parse(
                    json(
                        """
                        {"building_id": "b-1", "current_state": {"timestamp": "2026-12-04T10:20:00Z",
                         "outdoor_temp": 2.5, "flow_temp": 55, "return_temp": 40, "indoor_temp": null}}
                        """),
                    NOW)
                .state()
                .indoorC())
        .isNaN();
  }

  @Test
  void missingWronglyTypedAndUnreadableFieldsAreAllNamed() {
    assertThat(
            fields(
                """
                {"current_state": {"timestamp": "yesterday", "outdoor_temp": "cold",
                 "return_temp": 40}}
                """))
        .containsExactly(
            "building_id",
            "current_state.timestamp",
            "current_state.outdoor_temp",
            "current_state.flow_temp");
    assertThat(fields("{\"building_id\": \"b-1\"}")).containsExactly("current_state");
    assertThat(fields("{\"building_id\": 7, \"current_state\": []}"))
        .containsExactly("building_id", "current_state");
    assertThat(
            fields(
                "{\"building_id\": \" \", \"current_state\": {\"timestamp\":"
                    + " \"2026-12-04T10:20:00Z\", \"outdoor_temp\": 1, \"flow_temp\": 50,"
                    + " \"return_temp\": 40}}"))
        .containsExactly("building_id");
  }

  @Test
  void physicalRangesAndTheTimestampsBoundsAreCheckedPerField() {
    assertThat(
            fields(
                """
                {"building_id": "b-1", "current_state": {"timestamp": "2026-12-04T10:30:00Z",
                 "outdoor_temp": -75, "flow_temp": 150, "return_temp": 40, "indoor_temp": 80}}
                """))
        .containsExactly(
            "current_state.timestamp",
            "current_state.outdoor_temp",
            "current_state.flow_temp",
            "current_state.indoor_temp");
    assertThat(
            fields(
                """
                {"building_id": "b-1", "current_state": {"timestamp": "2026-12-04T08:00:00Z",
                 "outdoor_temp": 1, "flow_temp": 50, "return_temp": 40}}
                """))
        .containsExactly("current_state.timestamp");
  }

  private static List<String> fields(String body) {
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class, () -> OptimizeRequests.parse(json(body), NOW));
    assertThat(e).as("refused: %s", body).isNotNull();
    return e.fieldErrors().stream().map(InvalidInputException.FieldError::field).toList();
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }
}
