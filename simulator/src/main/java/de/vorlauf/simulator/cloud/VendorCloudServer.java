package de.vorlauf.simulator.cloud;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Viessmann-like vendor cloud over HTTP, serving {@link RecordedCloudData} with the faults of
 * {@link CloudFaults}. Every request passes the same gate in the same order: outage (503), random
 * timeout or server error, then authentication (401), rate limit (429), and only then the endpoint.
 * Faults come before authentication because a load balancer in front of a real cloud fails without
 * looking at the token.
 *
 * <p>Held requests ("timeouts") wait on a scheduler rather than on a handler thread, so a burst of
 * them cannot starve the bounded handler pool.
 */
public final class VendorCloudServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(VendorCloudServer.class);
  private static final int HANDLER_THREADS = 8;
  private static final String TOKEN_PATH = "/iam/oauth2/token";
  private static final String API_PREFIX = "/iot/v1/";
  private static final String NO_DELAY = "sun.net.httpserver.nodelay";

  static {
    // The JDK server writes headers and body in two segments; with Nagle on, the body waits for
    // the client's delayed ACK, costing every request about 40 ms. The property is read once, when
    // the first HttpServer of the JVM is created, so it has to be set before that and for all.
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
  }

  private final HttpServer http;
  private final ExecutorService handlers;
  private final ScheduledExecutorService holds;
  private final URI baseUri;
  private final StatsCounter stats = new StatsCounter();
  private final AccessTokens tokens;
  private final TokenEndpoint tokenEndpoint;
  private final InstallationApi api;
  private final RateLimiter limiter;
  private final FaultDice dice;
  private final long holdMillis;
  private volatile boolean outage;

  private VendorCloudServer(
      HttpServer http,
      RecordedCloudData data,
      List<CloudClient> clients,
      CloudFaults faults,
      Clock realClock) {
    this.http = http;
    this.tokens = new AccessTokens(faults.tokenTtl(), realClock);
    this.tokenEndpoint = new TokenEndpoint(clients, tokens, stats);
    this.api = new InstallationApi(data);
    this.limiter = new RateLimiter(faults.rateLimitPerSecond(), faults.burst(), realClock);
    this.dice = new FaultDice(faults);
    this.holdMillis = faults.timeoutHold().toMillis();
    this.handlers =
        new ThreadPoolExecutor(
            HANDLER_THREADS,
            HANDLER_THREADS,
            0L,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            named("vendor-cloud-http"));
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(1, named("vendor-cloud-hold"));
    scheduler.setRemoveOnCancelPolicy(true);
    this.holds = scheduler;
    this.baseUri = baseUri(http.getAddress());
  }

  /**
   * Binds and starts serving.
   *
   * @param bind the address; port 0 picks a free one, see {@link #baseUri()}
   * @param realClock token expiry and the rate limit run on it (not on simulated time): both are
   *     about how fast the client talks to the cloud, not about the data
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static VendorCloudServer start(
      InetSocketAddress bind,
      RecordedCloudData data,
      List<CloudClient> clients,
      CloudFaults faults,
      Clock realClock) {
    HttpServer http;
    try {
      http = HttpServer.create(bind, 64);
    } catch (IOException e) {
      throw new UncheckedIOException("vendor cloud cannot bind " + bind, e);
    }
    VendorCloudServer server = new VendorCloudServer(http, data, clients, faults, realClock);
    http.setExecutor(server.handlers);
    http.createContext("/", server::handle);
    http.start();
    LOG.info("vendor cloud listening on {}", server.baseUri);
    return server;
  }

  public URI baseUri() {
    return baseUri;
  }

  /** While on, every endpoint, the token endpoint included, answers 503. */
  public void outage(boolean on) {
    outage = on;
    LOG.info("vendor cloud outage {}", on ? "on" : "off");
  }

  public CloudServerStats stats() {
    return stats.snapshot();
  }

  @Override
  public void close() {
    holds.shutdownNow();
    http.stop(0);
    handlers.shutdownNow();
    try {
      handlers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) {
    stats.requests.increment();
    try {
      if (outage) {
        stats.outageRefusals.increment();
        send(exchange, CloudResponse.error(503, "SERVICE_UNAVAILABLE"));
        return;
      }
      FaultDice.Fault fault = dice.roll();
      if (fault.holds()) {
        stats.timeouts.increment();
        hold(exchange, fault);
        return;
      }
      if (fault != FaultDice.Fault.NONE) {
        stats.serverErrors.increment();
        send(exchange, CloudResponse.error(fault.status, fault.error));
        return;
      }
      send(exchange, route(exchange));
    } catch (IOException | RuntimeException e) {
      LOG.debug("vendor cloud request {} failed", exchange.getRequestURI().getRawPath(), e);
      exchange.close();
    }
  }

  private CloudResponse route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String method = exchange.getRequestMethod();
    if (path.equals(TOKEN_PATH)) {
      return tokenEndpoint.handle(
          method, exchange.getRequestHeaders().getFirst("Authorization"), body(exchange));
    }
    if (!path.startsWith(API_PREFIX)) {
      return CloudResponse.notFound("no resource at " + path);
    }
    AccessTokens.Verdict verdict = tokens.check(bearer(exchange.getRequestHeaders()));
    if (verdict.clientId() == null) {
      stats.invalidToken.increment();
      return CloudResponse.json(
          401,
          Map.of("error", "invalid_token", "error_description", verdict.problem()),
          Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
    }
    long retryAfter = limiter.acquire(verdict.clientId());
    if (retryAfter > 0) {
      stats.rateLimited.increment();
      return CloudResponse.json(
          429,
          Map.of("error", "RATE_LIMIT_EXCEEDED"),
          Map.of("Retry-After", Long.toString(retryAfter)));
    }
    if (!"GET".equals(method)) {
      return CloudResponse.methodNotAllowed("GET");
    }
    return api.handle(segments(path), Query.parse(exchange.getRequestURI().getRawQuery()));
  }

  private void hold(HttpExchange exchange, FaultDice.Fault fault) {
    holds.schedule(
        () -> {
          if (fault == FaultDice.Fault.HOLD_THEN_504) {
            try {
              send(exchange, CloudResponse.error(fault.status, fault.error));
            } catch (IOException e) {
              exchange.close();
            }
          } else {
            exchange.close();
          }
        },
        holdMillis,
        TimeUnit.MILLISECONDS);
  }

  private void send(HttpExchange exchange, CloudResponse response) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", response.contentType());
    response.headers().forEach(headers::set);
    byte[] body = response.body();
    stats.responded(response.status());
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    }
  }

  private static String bearer(Headers headers) {
    String authorization = headers.getFirst("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return authorization.substring(7).strip();
  }

  private static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String segment : rawPath.substring(API_PREFIX.length()).split("/")) {
      if (!segment.isEmpty()) {
        segments.add(Query.decode(segment.replace("+", "%2B")));
      }
    }
    return segments;
  }

  private static URI baseUri(InetSocketAddress bound) {
    InetAddress address = bound.getAddress();
    String host =
        address == null || address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
    if (host.indexOf(':') >= 0) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + bound.getPort());
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
