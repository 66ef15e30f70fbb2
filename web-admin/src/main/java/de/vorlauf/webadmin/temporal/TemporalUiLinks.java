package de.vorlauf.webadmin.temporal;

import de.vorlauf.webadmin.config.AdminConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Links into the Temporal Web UI, offered only while it answers: the in-JVM test server has no UI,
 * and a link that leads nowhere is worse than none. The answer is remembered for a while so that a
 * list of workflows costs one check, not one per row.
 */
@ApplicationScoped
public class TemporalUiLinks {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final long RECHECK_NANOS = Duration.ofSeconds(15).toNanos();

  @Inject AdminConfig config;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private volatile boolean available;
  private volatile long checkedAt = System.nanoTime() - RECHECK_NANOS;

  /** The UI's base URL when VORLAUF_TEMPORAL_UI_URL is set and the UI answers. */
  public Optional<URI> base() {
    Optional<URI> ui = config.temporalUiUrl();
    if (ui.isEmpty()) {
      return Optional.empty();
    }
    if (System.nanoTime() - checkedAt >= RECHECK_NANOS) {
      available = answers(ui.get());
      checkedAt = System.nanoTime();
    }
    return available ? ui : Optional.empty();
  }

  public Optional<String> workflow(String workflowId) {
    return base().map(ui -> workflowUrl(ui, config.temporalNamespace(), workflowId));
  }

  /** One run's history in the Temporal Web UI. */
  public Optional<String> run(String workflowId, String runId) {
    return workflow(workflowId).map(url -> url + "/" + encode(runId) + "/history");
  }

  static String workflowUrl(URI ui, String namespace, String workflowId) {
    String base = ui.toString().replaceAll("/+$", "");
    return base + "/namespaces/" + encode(namespace) + "/workflows/" + encode(workflowId);
  }

  private boolean answers(URI ui) {
    try {
      int status =
          http.send(
                  HttpRequest.newBuilder(ui).timeout(TIMEOUT).GET().build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
      return status < 500;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
