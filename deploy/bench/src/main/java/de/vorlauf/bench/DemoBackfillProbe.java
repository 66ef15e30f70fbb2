package de.vorlauf.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures a running platform during the demo's backfill (docs/benchmarks.md "during the demo
 * backfill"): started beside {@code deploy/vorlauf up} on a fresh state folder, it connects as one
 * of the simulator's devices (its token from the simulator's {@code credentials.json}), publishes
 * one live reading a second on {@code greenbox/<device>/sensors}, and times publish → the reading
 * visible in {@code sensor_readings} (polled every 25 ms: an upper bound of publish → commit). It
 * samples every 5 s the resident memory of the launcher and of each child the launcher recorded a
 * pid for, and the launcher's heap in use ({@code jstat -gc}), until the simulator writes {@code
 * backfill.done}. Run: {@code java -cp ... de.vorlauf.bench.DemoBackfillProbe [state=.vorlauf]}.
 */
public final class DemoBackfillProbe {

  private static final Logger LOG = LoggerFactory.getLogger(DemoBackfillProbe.class);
  private static final Duration GIVE_UP = Duration.ofMinutes(120);

  private DemoBackfillProbe() {}

  public static void main(String[] args) throws Exception {
    Path state = Path.of(".vorlauf");
    for (String arg : args) {
      if (arg.startsWith("state=")) {
        state = Path.of(arg.substring("state=".length()));
      } else {
        throw new IllegalArgumentException("usage: DemoBackfillProbe [state=<folder>]");
      }
    }
    Properties services = new Properties();
    try (var in = Files.newBufferedReader(state.resolve("services.properties"))) {
      services.load(in);
    }
    Path simulator = state.resolve("simulator");
    Map.Entry<String, String> device = aDevice(simulator.resolve("credentials.json"));
    String password =
        Files.readString(state.resolve("secrets").resolve("db-password"), StandardCharsets.UTF_8)
            .strip();
    long launcher = Long.parseLong(Files.readString(state.resolve("launcher.pid")).strip());
    Map<String, Long> peakRss = new LinkedHashMap<>();
    long peakHeapKib = 0;
    List<Long> lags = new ArrayList<>();
    Instant started = Instant.now();
    String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
    MqttClient probe =
        new MqttClient(
            services.getProperty("mqtt.url"),
            "probe-" + UUID.randomUUID(),
            new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setUserName(device.getKey());
    options.setPassword(device.getValue().getBytes(StandardCharsets.UTF_8));
    options.setAutomaticReconnect(true);
    for (int attempt = 1; ; attempt++) {
      try {
        probe.connect(options);
        break;
      } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
        if (attempt == 60) {
          throw e;
        }
        // the worker syncs new device credentials into the broker every 10 s
        Thread.sleep(1_000);
      }
    }
    long nextSample = 0;
    try (Connection db =
        DriverManager.getConnection(
            services.getProperty("database.url"),
            services.getProperty("database.user"),
            password)) {
      PreparedStatement stored =
          db.prepareStatement(
              "SELECT count(*) FROM sensor_readings WHERE device_id = ? AND sensor_id ="
                  + " 'outdoor_temp' AND time = ?");
      while (!Files.exists(simulator.resolve("backfill.done"))) {
        if (Duration.between(started, Instant.now()).compareTo(GIVE_UP) > 0) {
          throw new IllegalStateException("the backfill did not finish within " + GIVE_UP);
        }
        Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String message =
            "{\"device_id\":\"%s\",\"timestamp\":\"%s\",\"readings\":[{\"sensor_id\":\"outdoor_temp\",\"value\":1.5,\"unit\":\"degC\"}]}"
                .formatted(device.getKey(), time);
        long published = System.nanoTime();
        MqttMessage mqtt = new MqttMessage(message.getBytes(StandardCharsets.UTF_8));
        mqtt.setQos(1);
        probe.publish("greenbox/" + device.getKey() + "/sensors", mqtt);
        while (!present(stored, device.getKey(), time)) {
          Thread.sleep(25);
          if (System.nanoTime() - published > TimeUnit.MINUTES.toNanos(5)) {
            throw new IllegalStateException("a live reading was not stored within 5 minutes");
          }
        }
        lags.add((System.nanoTime() - published) / 1_000_000);
        if (System.nanoTime() > nextSample) {
          nextSample = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
          sample(state, launcher, peakRss);
          peakHeapKib = Math.max(peakHeapKib, heapUsedKib(launcher));
          LOG.info(
              "{} probes, last lag {} ms; peak RSS MiB {}; launcher heap peak {} MiB",
              lags.size(),
              lags.get(lags.size() - 1),
              peakRss,
              peakHeapKib / 1024);
        }
        long pause = 1_000 - (System.nanoTime() - published) / 1_000_000;
        if (pause > 0) {
          Thread.sleep(pause);
        }
      }
    } finally {
      probe.disconnect();
      probe.close();
    }
    sample(state, launcher, peakRss);
    List<Long> sorted = new ArrayList<>(lags);
    Collections.sort(sorted);
    LOG.info(
        String.format(
            Locale.ROOT,
            "BENCH demo backfill (%s): %d s, %d live probes, live lag ms p50 %d p90 %d p99 %d max"
                + " %d; peak RSS MiB (VmHWM) %s; launcher heap in use peak (sampled, garbage included) %d MiB; load before %s,"
                + " after %s",
            services.getProperty("mqtt.authentication"),
            Duration.between(started, Instant.now()).toSeconds(),
            sorted.size(),
            percentile(sorted, 50),
            percentile(sorted, 90),
            percentile(sorted, 99),
            sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1),
            peakRss,
            peakHeapKib / 1024,
            loadBefore,
            Files.readString(Path.of("/proc/loadavg")).strip()));
  }

  private static boolean present(PreparedStatement stored, String device, Instant time)
      throws Exception {
    stored.setString(1, device);
    stored.setTimestamp(2, Timestamp.from(time));
    try (ResultSet rs = stored.executeQuery()) {
      return rs.next() && rs.getLong(1) > 0;
    }
  }

  /** A device (not a gateway) of the simulator's fleet and its broker token. */
  private static Map.Entry<String, String> aDevice(Path credentials) throws Exception {
    for (int attempt = 0; attempt < 600 && !Files.exists(credentials); attempt++) {
      Thread.sleep(1_000); // the simulator provisions its fleet after the platform is up
    }
    JsonNode root = new ObjectMapper().readTree(credentials.toFile());
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("credentials").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if ("device".equals(e.getValue().path("kind").asText())) {
        return Map.entry(e.getKey(), e.getValue().path("token").asText());
      }
    }
    throw new IllegalStateException("no device in " + credentials);
  }

  /**
   * Peak resident set (VmHWM) of the launcher, of every child with a pid file (first line: the
   * pid), of Mosquitto and of PostgreSQL's process tree.
   */
  private static void sample(Path state, long launcher, Map<String, Long> peak) throws IOException {
    peak.merge("launcher", ProcessMemory.ofPid("launcher", launcher).peakMib(), Math::max);
    Map<String, Path> pidFiles = new LinkedHashMap<>();
    Path run = state.resolve("run");
    if (Files.isDirectory(run)) {
      try (var files = Files.list(run)) {
        files
            .filter(p -> p.toString().endsWith(".pid"))
            .forEach(p -> pidFiles.put(p.getFileName().toString().replace(".pid", ""), p));
      }
    }
    pidFiles.put("mosquitto", state.resolve("mosquitto").resolve("mosquitto.pid"));
    for (Map.Entry<String, Path> e : pidFiles.entrySet()) {
      firstLinePid(e.getValue())
          .ifPresent(
              pid ->
                  peak.merge(
                      e.getKey(),
                      // standalone.sh starts WildFly's JVM as its child
                      e.getKey().equals("wildfly")
                          ? ProcessMemory.ofTree(e.getKey(), pid).peakMib()
                          : ProcessMemory.ofPid(e.getKey(), pid).peakMib(),
                      Math::max));
    }
    firstLinePid(state.resolve("postgres").resolve("data").resolve("postmaster.pid"))
        .ifPresent(
            pid ->
                peak.merge(
                    "postgres (tree, sum)",
                    ProcessMemory.ofTree("postgres", pid).peakMib(),
                    Math::max));
  }

  private static java.util.OptionalLong firstLinePid(Path file) {
    try {
      return java.util.OptionalLong.of(Long.parseLong(Files.readAllLines(file).get(0).strip()));
    } catch (IOException | RuntimeException e) {
      return java.util.OptionalLong.empty(); // absent, or being rewritten: the next sample reads it
    }
  }

  /**
   * Heap in use (young and old generation, garbage included) as {@code jstat -gc} shows it, in KiB
   * (0 if unavailable).
   */
  private static long heapUsedKib(long pid) {
    try {
      Process jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid)).start();
      List<String> lines =
          new String(jstat.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .toList();
      jstat.waitFor(10, TimeUnit.SECONDS);
      if (lines.size() < 2) {
        return 0;
      }
      String[] header = lines.get(0).trim().split("\\s+");
      String[] values = lines.get(1).trim().split("\\s+");
      double used = 0;
      for (int i = 0; i < header.length; i++) {
        if (List.of("S0U", "S1U", "EU", "OU").contains(header[i])) {
          used += Double.parseDouble(values[i]);
        }
      }
      return Math.round(used);
    } catch (IOException | RuntimeException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private static long percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
