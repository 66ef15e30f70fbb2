package de.vorlauf.worker.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HealthServerTest {

  @Test
  void answers503WhileStartingAnd200WhenUp() throws Exception {
    AtomicReference<HealthStatus> status =
        new AtomicReference<>(new HealthStatus("CONNECTING", "waiting for 127.0.0.1:1", List.of()));
    try (HealthServer server = HealthServer.start(0, status::get)) {
      HttpResponse<String> starting = get(server.port());
      assertThat(starting.statusCode()).isEqualTo(503);
      assertThat(starting.body())
          .isEqualTo(
              "{\"status\":\"CONNECTING\",\"temporal\":\"waiting for 127.0.0.1:1\",\"taskQueues\":[]}");

      status.set(
          new HealthStatus(
              "UP", "Temporal dev server 1.29.1 (SQLite)", List.of("vorlauf-platform")));
      HttpResponse<String> up = get(server.port());
      assertThat(up.statusCode()).isEqualTo(200);
      assertThat(up.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(up.body())
          .isEqualTo(
              "{\"status\":\"UP\",\"temporal\":\"Temporal dev server 1.29.1 (SQLite)\","
                  + "\"taskQueues\":[\"vorlauf-platform\"]}");

      status.set(
          status
              .get()
              .withIngest(
                  new HealthStatus.Ingest("running", true, true, 12, 11, 1, 100, 3, 2, List.of())));
      assertThat(get(server.port()).body())
          .endsWith(
              ",\"ingest\":{\"state\":\"running\",\"connected\":true,\"subscribed\":true,"
                  + "\"received\":12,\"acknowledged\":11,\"inFlight\":1,\"readingsStored\":100,"
                  + "\"readingsDuplicate\":3,\"quarantined\":2}}");
    }
  }

  @Test
  void jsonStringsAreEscaped() {
    assertThat(new HealthStatus("UP", "a\"b\\c\n", List.of()).toJson())
        .isEqualTo("{\"status\":\"UP\",\"temporal\":\"a\\\"b\\\\c\\n\",\"taskQueues\":[]}");
  }

  private static HttpResponse<String> get(int port) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
