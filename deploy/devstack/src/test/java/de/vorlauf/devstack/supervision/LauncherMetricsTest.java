package de.vorlauf.devstack.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LauncherMetricsTest {

  private List<ProcessStatus> statuses =
      List.of(new ProcessStatus("worker", ProcessStatus.State.RUNNING, 42, 0, null, null));

  @Test
  void servesRestartsUpAndGivenUpPerProcessOnLoopback() throws Exception {
    try (LauncherMetrics metrics = new LauncherMetrics(() -> statuses).serve("127.0.0.1", 0)) {
      metrics.update(statuses);
      statuses =
          List.of(
              new ProcessStatus(
                  "worker", ProcessStatus.State.GAVE_UP, 0, 5, "exit code 1", Instant.now()));

      String scrape =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(metrics.url())).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();

      assertThat(metrics.url()).startsWith("http://127.0.0.1:");
      assertThat(scrape)
          .contains("vorlauf_launcher_process_restarts_total{process=\"worker\"} 5.0")
          .contains("vorlauf_launcher_process_up{process=\"worker\"} 0.0")
          .contains("vorlauf_launcher_process_given_up{process=\"worker\"} 1.0");
    }
  }

  @Test
  void everyLauncherMetricIsInDocsMetricsMd() throws Exception {
    LauncherMetrics metrics = new LauncherMetrics(() -> statuses);
    metrics.update(statuses);
    String docs = Files.readString(Path.of("../../docs/metrics.md"));
    List<String> undocumented = new ArrayList<>();
    Matcher names = Pattern.compile("(?m)^(vorlauf_\\w+)\\{").matcher(metrics.scrape());
    while (names.find()) {
      if (!docs.contains("`" + names.group(1) + "`")) {
        undocumented.add(names.group(1));
      }
    }
    assertThat(undocumented).as("add them to docs/metrics.md").isEmpty();
  }
}
