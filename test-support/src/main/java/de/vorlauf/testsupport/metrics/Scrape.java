package de.vorlauf.testsupport.metrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One Prometheus text scrape, parsed: every sample by its series ({@code name{labels}}), for tests
 * that compare two scrapes.
 */
public record Scrape(Map<String, Double> samples) {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public static Scrape of(URI endpoint) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(endpoint + " answered " + response.statusCode());
      }
      return parse(response.body());
    } catch (Exception e) {
      throw new IllegalStateException("cannot scrape " + endpoint + ": " + e.getMessage(), e);
    }
  }

  public static Scrape parse(String text) {
    Map<String, Double> samples = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return new Scrape(samples);
  }

  /** The sample of {@code series}, e.g. {@code vorlauf_ingest_quarantined_total{reason="x"}}. */
  public double value(String series) {
    Double value = samples.get(series);
    return value == null ? 0 : value;
  }

  /** The names of all samples (without labels). */
  public Set<String> names() {
    return samples.keySet().stream()
        .map(series -> series.contains("{") ? series.substring(0, series.indexOf('{')) : series)
        .collect(Collectors.toSet());
  }
}
