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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Calls the worker's health endpoint: 200 {"status":"UP",...} or 503 with the reason. */
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
        return ServiceCheck.up(NAME, "healthy", millis, facts);
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
          java.util.List.of());
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

  /** Top-level scalar fields of the health JSON; anything unparsable is shown as-is, shortened. */
  static Map<String, String> facts(String body) {
    Map<String, String> facts = new LinkedHashMap<>();
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonObject json = reader.readObject();
      json.forEach((key, value) -> facts.put(key, text(value)));
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
