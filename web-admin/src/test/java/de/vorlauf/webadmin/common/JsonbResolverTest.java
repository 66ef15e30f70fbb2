package de.vorlauf.webadmin.common;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.webadmin.realtime.OptimizeResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonbResolverTest {

  @Test
  void everyTypeSharesOneJsonb() throws Exception {
    JsonbResolver resolver = new JsonbResolver();
    try {
      Jsonb first = resolver.getContext(OptimizeResponse.class);
      assertThat(resolver.getContext(ProblemDto.class)).isSameAs(first);
      assertThat(resolver.getContext(OptimizeResponse.class)).isSameAs(first);
    } finally {
      resolver.close();
    }
  }

  @Test
  void writesTheApisNamesWithJsonbDefaults() throws Exception {
    JsonbResolver resolver = new JsonbResolver();
    try {
      OptimizeResponse response =
          new OptimizeResponse(
              "b-1",
              41.5,
              20.0,
              true,
              Instant.parse("2026-12-04T10:15:00Z"),
              Instant.parse("2026-12-04T11:00:00Z"),
              0.8,
              "heat-demand",
              3,
              12.25,
              45.0,
              4.5,
              List.of("MIN_VORLAUF"),
              List.of(),
              null,
              null,
              null,
              "r-1");
      String json = resolver.getContext(OptimizeResponse.class).toJson(response);
      JsonObject object = Json.createReader(new StringReader(json)).readObject();
      assertThat(object.getString("building_id")).isEqualTo("b-1");
      assertThat(object.getJsonNumber("recommended_vorlauf").doubleValue()).isEqualTo(41.5);
      assertThat(object.getString("valid_until")).isEqualTo("2026-12-04T11:00:00Z");
      assertThat(object.getInt("model_version")).isEqualTo(3);
      assertThat(object.getJsonArray("binding_constraints").getString(0)).isEqualTo("MIN_VORLAUF");
      // JSON-B's default, as before the resolver: nulls are left out
      assertThat(object).doesNotContainKeys("fallback", "prediction_missing");
    } finally {
      resolver.close();
    }
  }
}
