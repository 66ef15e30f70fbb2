package de.vorlauf.devstack.supervision;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher's own Prometheus endpoint ({@code /metrics}, docs/metrics.md): per supervised
 * process whether it is up, how often it was restarted and whether the supervisor gave up. Same
 * library and naming as the worker's (Micrometer, {@code vorlauf.<area>.<what>}); loopback unless
 * configured otherwise, no login, nothing secret in it.
 */
public final class LauncherMetrics implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LauncherMetrics.class);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Supplier<List<ProcessStatus>> statuses;
  private final Set<String> registered = new HashSet<>();
  private HttpServer server;

  public LauncherMetrics(Supplier<List<ProcessStatus>> statuses) {
    this.statuses = statuses;
  }

  /** Adds the meters of processes seen for the first time; called on every supervisor change. */
  public synchronized void update(List<ProcessStatus> current) {
    for (ProcessStatus status : current) {
      String name = status.name();
      if (!registered.add(name)) {
        continue;
      }
      FunctionCounter.builder(
              "vorlauf.launcher.process.restarts", this, m -> m.find(name, Field.RESTARTS))
          .description("Restarts of a process the launcher started, automatic and requested")
          .tag("process", name)
          .register(registry);
      Gauge.builder("vorlauf.launcher.process.up", this, m -> m.find(name, Field.UP))
          .description("1 while the process runs, 0 while it is down or being restarted")
          .tag("process", name)
          .register(registry);
      Gauge.builder("vorlauf.launcher.process.given.up", this, m -> m.find(name, Field.GAVE_UP))
          .description("1 once the supervisor gave up restarting the process")
          .tag("process", name)
          .register(registry);
    }
  }

  private enum Field {
    RESTARTS,
    UP,
    GAVE_UP
  }

  private double find(String name, Field field) {
    return statuses.get().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .map(
            s ->
                switch (field) {
                  case RESTARTS -> (double) s.restarts();
                  case UP -> s.up() ? 1.0 : 0.0;
                  case GAVE_UP -> s.state() == ProcessStatus.State.GAVE_UP ? 1.0 : 0.0;
                })
        .orElse(0.0);
  }

  public String scrape() {
    return registry.scrape();
  }

  /** Serves {@code /metrics} on {@code bindAddress:port}. */
  public LauncherMetrics serve(String bindAddress, int port) {
    try {
      server = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the launcher's metrics endpoint on "
              + bindAddress
              + ":"
              + port
              + " (port in use? VORLAUF_LAUNCHER_METRICS_PORT)",
          e);
    }
    server.createContext(
        "/metrics",
        exchange -> {
          byte[] body = scrape().getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    LOG.info("Launcher metrics on http://{}:{}/metrics", bindAddress, port);
    return this;
  }

  public String url() {
    InetSocketAddress address = server.getAddress();
    return "http://" + address.getHostString() + ":" + address.getPort() + "/metrics";
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
  }
}
