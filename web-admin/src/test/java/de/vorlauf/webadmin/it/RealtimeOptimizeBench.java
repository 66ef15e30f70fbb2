package de.vorlauf.webadmin.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.vorlauf.domain.optimization.HourObservation;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/optimize} under load (issue 24): simulated buildings with a week of history
 * and the fixture model as champion ({@link RealtimeFixture}) in the WAR on WildFly, driven from
 * this JVM over loopback by {@code bench.connections} (64) client threads, each sending its next
 * request when the last is answered (HTTP/1.1 with keep-alive, one connection per thread: Apache
 * HttpClient 5 by default, the JDK's with {@code bench.client=jdk}). Then, for each rate of {@code
 * bench.rates} (calls per second, comma-separated; none by default), the same threads at that
 * offered rate (each its share of a fixed schedule, the way wrk2 does it: a call's latency counts
 * from when it was due, so a server that falls behind is not hidden by a client that waits for it).
 * Reports client latency (p50/p95/p99/max), throughput, and from the server's {@code
 * vorlauf_realtime_*} meters (scraped before and after) where the time went. A benchmark, not a
 * test: it asserts only that the calls succeed; its name keeps it out of the suite. Run it with
 * {@code deploy/vorlauf bench-realtime}; the report goes to {@code
 * web-admin/target/realtime-bench-<time>.md} and the log, the figures to docs/benchmarks.md.
 */
@SharedWar
@RunAsClient
class RealtimeOptimizeBench {

  private static final Logger LOG = LoggerFactory.getLogger(RealtimeOptimizeBench.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CONNECTIONS = Integer.getInteger("bench.connections", 64);
  private static final String CLIENT = System.getProperty("bench.client", "apache");
  private static final int BUILDINGS = Integer.getInteger("bench.buildings", 20);
  // the JIT's C2 compiles for minutes on two cores the load keeps busy (jstat -compiler: still
  // about one compiler thread's worth after 75 s, settled by 150 s); a shorter warm-up measures it
  private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup", 150));
  private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 60));
  private static final List<Integer> RATES =
      Arrays.stream(System.getProperty("bench.rates", "").split(","))
          .map(String::strip)
          .filter(r -> !r.isEmpty())
          .map(Integer::valueOf)
          .toList();
  private static final Pattern METER =
      Pattern.compile(
          "^(vorlauf_realtime_(?:phase_seconds|request_seconds|store_batch_calls)_(?:sum|count)"
              + "|vorlauf_realtime_request_seconds_bucket|cache_gets_total)(\\{[^}]*\\})? (\\S+)$",
          Pattern.MULTILINE);

  // calls per transaction of the real-time store (GroupCommit)
  private static final String STORE_BATCH = "vorlauf_realtime_store_batch_calls";

  final URL base = ItWar.base();

  @Test
  void measure() throws Exception {
    long fixtureStart = System.nanoTime();
    List<String> buildings = RealtimeFixture.buildings("rtb", BUILDINGS);
    Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
    List<HourObservation> snapshots = new ArrayList<>();
    for (String b : buildings) {
      snapshots.add(RealtimeFixture.state(b, hour).state().latest());
    }
    long fixtureMillis = (System.nanoTime() - fixtureStart) / 1_000_000;
    // the metrics' scrapes: HTTP/1.1, minutes apart (over HTTP/2 the server's GOAWAY for an idle
    // connection failed a scrape that raced it)
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (Caller calls = caller(credentials(), CONNECTIONS)) {
      run(calls, buildings, snapshots, WARMUP, CONNECTIONS, 0);
      // the target's load, then one connection: a call's own time, without queueing; then the
      // connections at each offered rate
      List<int[]> phases = new ArrayList<>();
      phases.add(new int[] {CONNECTIONS, 0});
      phases.add(new int[] {1, 0});
      RATES.forEach(rate -> phases.add(new int[] {CONNECTIONS, rate}));
      for (int[] phase : phases) {
        Map<String, Double> before = scrape(http);
        Phase measured = run(calls, buildings, snapshots, MEASURE, phase[0], phase[1]);
        Map<String, Double> after = scrape(http);
        report(measured, before, after, fixtureMillis, phase[0], phase[1]);
      }
    }
  }

  /**
   * The one place a request is authenticated: as the machine clients the endpoint is for, with an
   * API token of scope {@code optimize} that the admin creates through the API ({@code
   * -Dbench.auth=token}, the default), or with the admin session's cookie ({@code
   * -Dbench.auth=session}).
   */
  private Header credentials() throws Exception {
    String auth = System.getProperty("bench.auth", "token");
    AdminClient admin = AdminClient.loggedIn(base);
    if (auth.equals("token")) {
      AdminClient.Reply created =
          admin.post(
              "api/v1/tokens",
              Map.of(
                  "name",
                  "bench-" + UUID.randomUUID().toString().substring(0, 8),
                  "scopes",
                  List.of("optimize"),
                  "expiresAt",
                  Instant.now().plus(Duration.ofDays(1)).toString()));
      if (created.status() != 201) {
        throw new IllegalStateException("creating the bench's token failed: " + created);
      }
      return new Header("Authorization", "Bearer " + created.json().get("token").asText());
    }
    if (!auth.equals("session")) {
      throw new IllegalArgumentException("bench.auth is token or session: " + auth);
    }
    return new Header("Cookie", admin.cookieHeader());
  }

  /** The one header that authenticates a call. */
  private record Header(String name, String value) {}

  /** A call's answer: its status, and its body for the log of a failed call. */
  private record Reply(int status, String body) {}

  /** Sends one call's body and answers with the whole response. */
  private interface Caller extends AutoCloseable {
    Reply call(byte[] body) throws IOException, InterruptedException;
  }

  /**
   * The bench's client ({@code bench.client}): {@code apache} (default), Apache HttpClient 5's
   * classic, blocking API, where each thread reads its own connection; or {@code jdk}, the JDK's
   * {@code HttpClient}, whose one selector thread reads every connection and hands each answer on
   * through an executor to the waiting thread (three threads per call, all on the server's two
   * cores: docs/benchmarks.md compares the two).
   */
  private Caller caller(Header auth, int connections) {
    URI uri = uri("api/v1/optimize");
    if (CLIENT.equals("jdk")) {
      ExecutorService pool = Executors.newFixedThreadPool(connections);
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .executor(pool)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      return new Caller() {
        @Override
        public Reply call(byte[] body) throws IOException, InterruptedException {
          HttpResponse<String> response =
              http.send(
                  HttpRequest.newBuilder(uri)
                      .timeout(Duration.ofSeconds(30))
                      .header("Content-Type", "application/json")
                      .header("Accept", "application/json")
                      .header(auth.name(), auth.value())
                      .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          return new Reply(response.statusCode(), response.body());
        }

        @Override
        public void close() {
          pool.shutdownNow();
        }
      };
    }
    if (!CLIENT.equals("apache")) {
      throw new IllegalArgumentException("bench.client is apache or jdk: " + CLIENT);
    }
    PoolingHttpClientConnectionManager connectionManager =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(connections)
            .setMaxConnPerRoute(connections)
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.ofSeconds(10))
                    .setSocketTimeout(Timeout.ofSeconds(30))
                    // a connection idle for a second (between phases) is checked before its reuse
                    .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                    .build())
            .build();
    CloseableHttpClient http =
        HttpClients.custom()
            .setConnectionManager(connectionManager)
            .disableCookieManagement()
            .build();
    return new Caller() {
      @Override
      public Reply call(byte[] body) throws IOException {
        HttpPost post = new HttpPost(uri);
        post.setHeader("Accept", "application/json");
        post.setHeader(auth.name(), auth.value());
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        return http.execute(
            post,
            response -> new Reply(response.getCode(), EntityUtils.toString(response.getEntity())));
      }

      @Override
      public void close() throws IOException {
        http.close();
      }
    };
  }

  private record Phase(long[] nanos, int count, long errors, Duration took, double load) {}

  private Phase run(
      Caller calls,
      List<String> buildings,
      List<HourObservation> snapshots,
      Duration length,
      int connections,
      int rate)
      throws Exception {
    double load =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    LOG.info(
        "phase: {} connection(s), {} for {} s",
        connections,
        rate == 0 ? "closed loop" : rate + " calls/s offered",
        length.toSeconds());
    long end = System.nanoTime() + length.toNanos();
    AtomicLong errors = new AtomicLong();
    List<Future<long[]>> clients = new ArrayList<>();
    ExecutorService drivers = Executors.newFixedThreadPool(connections);
    long start = System.nanoTime();
    // open loop: call k is due at start + k / rate, client c sends the calls k ≡ c (mod
    // connections)
    long interval = rate == 0 ? 0 : 1_000_000_000L / rate;
    try {
      for (int c = 0; c < connections; c++) {
        int client = c;
        clients.add(
            drivers.submit(
                () -> {
                  long[] mine = new long[1 << 16];
                  int n = 0;
                  for (int i = client; System.nanoTime() < end; i += connections) {
                    long t0 = System.nanoTime();
                    if (rate > 0) {
                      long due = start + i * interval;
                      if (due >= end) {
                        break;
                      }
                      while (t0 < due) {
                        LockSupport.parkNanos(due - t0);
                        t0 = System.nanoTime();
                      }
                      t0 = due; // behind schedule: the wait for the server counts
                    }
                    int b = i % buildings.size();
                    byte[] body =
                        JSON.writeValueAsBytes(
                            RealtimeFixture.request(
                                buildings.get(b),
                                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                                snapshots.get(b)));
                    Reply reply;
                    try {
                      reply = calls.call(body);
                    } catch (IOException e) {
                      // a connection the server closed or reset: an error of the phase, not its end
                      if (errors.incrementAndGet() <= 3) {
                        LOG.warn("call failed: {}", e.toString());
                      }
                      continue;
                    }
                    long took = System.nanoTime() - t0;
                    if (reply.status() != 200) {
                      if (errors.incrementAndGet() <= 3) {
                        LOG.warn("call failed: {} {}", reply.status(), reply.body());
                      }
                      continue;
                    }
                    if (n == mine.length) {
                      mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = took;
                  }
                  return Arrays.copyOf(mine, n);
                }));
      }
      List<long[]> all = new ArrayList<>();
      for (Future<long[]> f : clients) {
        all.add(f.get());
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      long[] nanos = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      return new Phase(nanos, nanos.length, errors.get(), took, load);
    } finally {
      drivers.shutdownNow();
    }
  }

  private Map<String, Double> scrape(HttpClient http) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri("metrics")).GET().build();
    String text;
    try {
      text = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      // a kept-alive connection the server closed meanwhile: once more, on a new one
      text = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
    Map<String, Double> meters = new TreeMap<>();
    Matcher m = METER.matcher(text);
    while (m.find()) {
      meters.put(
          m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
    }
    return meters;
  }

  private void report(
      Phase p,
      Map<String, Double> before,
      Map<String, Double> after,
      long fixtureMillis,
      int connections,
      int rate)
      throws IOException {
    StringBuilder r = new StringBuilder();
    r.append("### Real-time optimisation run of ").append(Instant.now()).append("\n\n");
    r.append(
        ("%d client threads (HTTP/1.1, loopback), %s, %d buildings, warm-up %d s, measured %.1f s;"
                + " fixture %d ms; load average before the measured phase %.2f\n\n")
            .formatted(
                connections,
                rate == 0
                    ? "closed loop (each thread's next call when the last is answered)"
                    : "offered " + rate + " calls/s (latency from when a call was due)",
                BUILDINGS,
                WARMUP.toSeconds(),
                p.took().toMillis() / 1000.0,
                fixtureMillis,
                p.load()));
    r.append("| calls | errors | throughput /s | p50 ms | p95 ms | p99 ms | max ms |\n");
    r.append("| --- | --- | --- | --- | --- | --- | --- |\n");
    r.append(
        "| %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f |\n\n"
            .formatted(
                p.count(),
                p.errors(),
                p.count() / (p.took().toNanos() / 1e9),
                ms(quantile(p.nanos(), 0.50)),
                ms(quantile(p.nanos(), 0.95)),
                ms(quantile(p.nanos(), 0.99)),
                ms(p.count() == 0 ? 0 : p.nanos()[p.count() - 1])));
    r.append("Server side (deltas of `vorlauf_realtime_*` over the measured phase):\n\n");
    r.append("| meter | calls | mean ms |\n| --- | --- | --- |\n");
    Map<String, Double> delta = new LinkedHashMap<>();
    after.forEach((k, v) -> delta.put(k, v - before.getOrDefault(k, 0.0)));
    delta.forEach(
        (k, v) -> {
          if (k.contains("_count") && !k.startsWith(STORE_BATCH)) {
            String sum = k.replace("_count", "_sum");
            double mean = v == 0 ? 0 : delta.getOrDefault(sum, 0.0) / v * 1000;
            r.append("| `%s` | %.0f | %.2f |\n".formatted(k.replace("_count", ""), v, mean));
          }
        });
    double transactions = delta.getOrDefault(STORE_BATCH + "_count", 0.0);
    r.append(
        "\nStore transactions: %.0f, %.1f calls each on average\n"
            .formatted(
                transactions,
                transactions == 0 ? 0 : delta.get(STORE_BATCH + "_sum") / transactions));
    delta.forEach(
        (k, v) -> {
          if (k.startsWith("cache_gets_total") && k.contains("realtime-states")) {
            r.append("State cache `%s`: %.0f\n".formatted(k.substring(k.indexOf('{')), v));
          }
        });
    r.append("\nServer latency within the SLO buckets (share of calls):\n\n");
    double total =
        delta.entrySet().stream()
            .filter(e -> e.getKey().contains("le=\"+Inf\""))
            .mapToDouble(Map.Entry::getValue)
            .sum();
    delta.forEach(
        (k, v) -> {
          if (k.startsWith("vorlauf_realtime_request_seconds_bucket") && total > 0) {
            r.append("- `%s`: %.2f %%\n".formatted(k.substring(k.indexOf('{')), 100 * v / total));
          }
        });
    String text = r.toString();
    LOG.info("\n{}", text);
    Path file =
        Path.of(
            "target",
            "realtime-bench-"
                + connections
                + (rate == 0 ? "" : "-at-" + rate)
                + "-"
                + Instant.now().toString().replace(':', '-')
                + ".md");
    Files.writeString(file, text);
    if (p.errors() > 0 || p.count() == 0) {
      throw new AssertionError(p.errors() + " calls failed, " + p.count() + " answered");
    }
  }

  private static long quantile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private URI uri(String path) {
    return URI.create(base.toExternalForm().replaceAll("/+$", "") + "/" + path);
  }
}
