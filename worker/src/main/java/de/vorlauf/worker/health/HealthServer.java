package de.vorlauf.worker.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The worker's operations endpoints, on loopback unless configured otherwise:
 *
 * <ul>
 *   <li>{@code GET /health}: 200 while the worker polls its task queues, 503 otherwise, with a
 *       small JSON body saying why (the launcher waits for it; its shape is kept);
 *   <li>{@code GET /health/live}: 200 unless the process is broken beyond what waiting mends (a
 *       restart helps);
 *   <li>{@code GET /health/ready}: 200 only while Temporal, the database and the broker answer and
 *       ingestion acknowledges, else 503 naming each check that failed ({@link ReadinessReport});
 *   <li>{@code GET /metrics}: Prometheus text (docs/metrics.md).
 * </ul>
 *
 * None carries authentication: keep them on loopback or behind something that has it.
 */
public final class HealthServer implements AutoCloseable {

  /** What the endpoints serve; called on the server's threads, for every request. */
  public interface Endpoints {
    HealthStatus status();

    ReadinessReport liveness();

    ReadinessReport readiness();

    /** Prometheus text exposition; null when this process keeps no metrics. */
    String metrics();
  }

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService threads;

  private HealthServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /** {@code /health} only, on loopback; readiness follows its status, no metrics. */
  public static HealthServer start(int port, Supplier<HealthStatus> status) {
    return start(
        InetAddress.getLoopbackAddress().getHostAddress(),
        port,
        new Endpoints() {
          @Override
          public HealthStatus status() {
            return status.get();
          }

          @Override
          public ReadinessReport liveness() {
            return ReadinessReport.of(List.of());
          }

          @Override
          public ReadinessReport readiness() {
            HealthStatus now = status.get();
            return ReadinessReport.of(
                List.of(new ReadinessReport.Check("temporal", now.up(), now.temporal())));
          }

          @Override
          public String metrics() {
            return null;
          }
        });
  }

  /**
   * @param bindAddress where to listen: 127.0.0.1 by default (VORLAUF_WORKER_HEALTH_BIND)
   * @param port 0 picks a free port, see {@link #port()}
   */
  public static HealthServer start(String bindAddress, int port, Endpoints endpoints) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
      server.createContext(
          "/health",
          exchange -> {
            HealthStatus status = endpoints.status();
            respond(exchange, status.up() ? 200 : 503, "application/json", status.toJson());
          });
      server.createContext("/health/live", exchange -> respond(exchange, endpoints.liveness()));
      server.createContext("/health/ready", exchange -> respond(exchange, endpoints.readiness()));
      server.createContext(
          "/metrics",
          exchange -> {
            String text = endpoints.metrics();
            respond(
                exchange,
                text == null ? 404 : 200,
                PROMETHEUS_TEXT,
                text == null ? "no metrics in this process\n" : text);
          });
      // two: a readiness check waiting for a dead service must not hold up a scrape
      ExecutorService threads =
          Executors.newFixedThreadPool(
              2,
              r -> {
                Thread thread = new Thread(r, "vorlauf-health");
                thread.setDaemon(true);
                return thread;
              });
      server.setExecutor(threads);
      server.start();
      return new HealthServer(server, threads);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the health endpoint on " + bindAddress + ":" + port + " (port in use?)", e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void respond(HttpExchange exchange, ReadinessReport readiness) throws IOException {
    respond(exchange, readiness.ready() ? 200 : 503, "application/json", readiness.toJson());
  }

  private static void respond(HttpExchange exchange, int code, String type, String text)
      throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())
          && !"HEAD".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().add("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", type);
      exchange.getResponseHeaders().add("Cache-Control", "no-store");
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(code, head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
