package de.vorlauf.webadmin.probe;

import de.vorlauf.webadmin.config.AdminConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls the worker's health endpoint (200 {"status":"UP",...} or 503 with the reason) and its
 * readiness beside it: a worker that runs but cannot reach the database, the broker or Temporal, or
 * stopped acknowledging, is shown down with the failed checks named.
 */
@ApplicationScoped
public class WorkerProbe implements Probe {

  public static final String NAME = "worker";
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  @Inject AdminConfig config;

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ServiceCheck check() {
    long begin = System.nanoTime();
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(config.workerHealthUrl()).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      long millis = (System.nanoTime() - begin) / 1_000_000;
      Map<String, String> facts = facts(response.body());
      facts.put("url", config.workerHealthUrl().toString());
      if (response.statusCode() == 200) {
        String notReady = notReady();
        if (notReady != null) {
          facts.put("readiness", notReady);
          return new ServiceCheck(
              NAME, false, "running but not ready: " + notReady, millis, facts, List.of());
        }
        return ServiceCheck.up(NAME, "healthy and ready", millis, facts);
      }
      return new ServiceCheck(
          NAME,
          false,
          "health endpoint answered "
              + response.statusCode()
              + ": "
              + facts.getOrDefault("status", "no status"),
          millis,
          facts,
          List.of());
    } catch (IOException | RuntimeException e) {
      return ServiceCheck.down(
          NAME,
          "no answer from "
              + config.workerHealthUrl()
              + " (VORLAUF_WORKER_HEALTH_URL): is the worker running? "
              + Failures.describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ServiceCheck.down(NAME, "interrupted while calling the worker");
    }
  }

  /**
   * The worker's {@code /health/ready} beside {@code /health}: null when ready (or when the worker
   * is too old to have it), else the failed checks, e.g. {@code database: cannot reach …}.
   */
  private String notReady() throws IOException, InterruptedException {
    URI ready = URI.create(config.workerHealthUrl().toString().replaceAll("/+$", "") + "/ready");
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(ready).timeout(TIMEOUT).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 503) {
      return null;
    }
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      List<String> down = new ArrayList<>();
      for (JsonValue check : reader.readObject().getJsonArray("checks")) {
        JsonObject c = check.asJsonObject();
        if (!c.getBoolean("up", false)) {
          down.add(c.getString("name", "?") + ": " + c.getString("detail", ""));
        }
      }
      return String.join("; ", down);
    } catch (RuntimeException e) {
      return "not ready (" + response.body() + ")";
    }
  }

  /**
   * The health JSON's top-level scalar fields, the task queues as a list and the ingest block in
   * words ({@link WorkerIngestWords}); anything unparsable is shown as-is, shortened.
   */
  static Map<String, String> facts(String body) {
    Map<String, String> facts = new LinkedHashMap<>();
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonObject json = reader.readObject();
      json.forEach(
          (key, value) -> {
            if (key.equals("ingest") && value.getValueType() == JsonValue.ValueType.OBJECT) {
              facts.putAll(WorkerIngestWords.facts(value.asJsonObject()));
            } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
              facts.put(
                  key,
                  String.join(", ", value.asJsonArray().stream().map(WorkerProbe::text).toList()));
            } else {
              facts.put(key, text(value));
            }
          });
    } catch (RuntimeException e) {
      facts.put("body", body.length() > 200 ? body.substring(0, 200) + "…" : body);
    }
    return facts;
  }

  private static String text(JsonValue value) {
    return value.getValueType() == JsonValue.ValueType.STRING
        ? ((jakarta.json.JsonString) value).getString()
        : value.toString();
  }
}
