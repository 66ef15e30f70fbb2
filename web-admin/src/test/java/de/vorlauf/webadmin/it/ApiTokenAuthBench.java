package de.vorlauf.webadmin.it;

import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an API token costs per request (issue 24): the same cheap GET ({@code
 * /api/v1/heating-types}, no database) from 64 concurrent connections on loopback, once with an
 * admin session cookie and once with {@code Authorization: Bearer vlt_…} ({@code read}), latency
 * per request and throughput. A benchmark, not a test: it asserts only that every answer was 200,
 * and its name keeps it out of the suite. Run it by name ({@code -Dit.test=ApiTokenAuthBench}); the
 * report goes to {@code web-admin/target/token-auth-bench-<time>.md} and the log, the figures to
 * docs/benchmarks.md.
 */
@SharedWar
@RunAsClient
class ApiTokenAuthBench {

  private static final Logger LOG = LoggerFactory.getLogger(ApiTokenAuthBench.class);
  private static final int CONNECTIONS = Integer.getInteger("bench.connections", 64);
  private static final int REQUESTS = Integer.getInteger("bench.requests", 20_000);
  private static final String PATH = "api/v1/heating-types";

  final URL base = ItWar.base();

  @Test
  void measure() throws Exception {
    String root = base.toExternalForm().replaceAll("/+$", "");
    AdminClient admin = AdminClient.loggedIn(base);
    String token =
        admin
            .post(
                "api/v1/tokens",
                Map.of(
                    "name",
                    "bench-" + System.currentTimeMillis(),
                    "scopes",
                    List.of("read"),
                    "expiresAt",
                    Instant.now().plus(Duration.ofDays(1)).toString()))
            .json()
            .get("token")
            .asText();
    HttpClient session = sessionClient(root);
    HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    HttpRequest bySession = get(root).build();
    HttpRequest byToken = get(root).header("Authorization", "Bearer " + token).build();

    StringBuilder report = new StringBuilder();
    report.append(
        "| auth | requests | connections | throughput req/s | p50 ms | p90 ms | p99 ms | max ms |\n"
            + "| --- | --- | --- | --- | --- | --- | --- | --- |\n");
    // warm both paths (JIT, connection pools, the token cache), then measure alternately
    run(session, bySession, REQUESTS / 4);
    run(plain, byToken, REQUESTS / 4);
    for (int round = 1; round <= 2; round++) {
      report.append(row("session #" + round, run(session, bySession, REQUESTS)));
      report.append(row("API token #" + round, run(plain, byToken, REQUESTS)));
    }
    String text =
        "GET /"
            + PATH
            + ", "
            + CONNECTIONS
            + " connections, loopback, "
            + Runtime.getRuntime().availableProcessors()
            + " cores\n\n"
            + report;
    Path file =
        Path.of("target", "token-auth-bench-" + Instant.now().toString().replace(':', '-') + ".md");
    Files.writeString(file, text);
    LOG.info("API token bench ({}):\n{}", file, text);
  }

  private record Result(long[] nanos, long wallNanos) {}

  private static Result run(HttpClient http, HttpRequest request, int total) throws Exception {
    long[] nanos = new long[total];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
    long start = System.nanoTime();
    try {
      List<Future<?>> loops = new ArrayList<>();
      for (int c = 0; c < CONNECTIONS; c++) {
        loops.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    HttpResponse<Void> response =
                        http.send(request, HttpResponse.BodyHandlers.discarding());
                    nanos[i] = System.nanoTime() - t0;
                    if (response.statusCode() != 200) {
                      throw new IllegalStateException("HTTP " + response.statusCode());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> loop : loops) {
        loop.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return new Result(nanos, System.nanoTime() - start);
  }

  private static String row(String name, Result result) {
    long[] sorted = result.nanos().clone();
    Arrays.sort(sorted);
    return String.format(
        Locale.ROOT,
        "| %s | %d | %d | %.0f | %.2f | %.2f | %.2f | %.2f |%n",
        name,
        sorted.length,
        CONNECTIONS,
        sorted.length / (result.wallNanos() / 1e9),
        ms(sorted, 0.50),
        ms(sorted, 0.90),
        ms(sorted, 0.99),
        sorted[sorted.length - 1] / 1e6);
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
  }

  private static HttpRequest.Builder get(String root) {
    return HttpRequest.newBuilder(URI.create(root + "/" + PATH))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json")
        .GET();
  }

  private static HttpClient sessionClient(String root) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30))
            .build();
    http.send(
        HttpRequest.newBuilder(URI.create(root + "/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String form =
        "j_username=admin&j_password="
            + URLEncoder.encode(ItDatabase.ADMIN_PASSWORD, StandardCharsets.UTF_8);
    http.send(
        HttpRequest.newBuilder(URI.create(root + "/j_security_check"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.discarding());
    return http;
  }
}
