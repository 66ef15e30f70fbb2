package de.vorlauf.worker.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.vorlauf.ingest.pipeline.IngestMessage;
import de.vorlauf.ingest.pipeline.IngestStats;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MQTT ingestion through real Mosquitto into real PostgreSQL. */
class MqttIngestionIT {

  private static IngestFixture fx;

  @BeforeAll
  static void start() {
    fx = new IngestFixture(MqttIngestionIT.class);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @AfterEach
  void stopServices() {
    fx.stopServices();
  }

  private static Instant base() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(120);
  }

  private long stored(String devicePrefix) {
    return fx.count(
        "SELECT count(*) FROM sensor_readings WHERE device_id LIKE ?", devicePrefix + "%");
  }

  @Test
  void storesBothMessageFormsWithTheMessageTimeAndAcknowledgesThem() throws Exception {
    fx.registerDevices("hp-", 5);
    RunningIngest service = fx.ingest("it-happy", "g-happy");
    IngestFixture.awaitRunning(service);
    Instant base = base();
    try (TestPublisher publisher = new TestPublisher(fx.broker.url())) {
      for (int i = 0; i < 200; i++) {
        String device = "hp-" + (i % 5);
        publisher.publish(
            "greenbox/" + device + "/sensors",
            IngestFixture.message(device, base.plusMillis(10L * i), 50 + i % 7));
      }
      for (int i = 0; i < 100; i++) {
        String device = "hp-" + (i % 5);
        publisher.publish(
            "greenbox/" + device + "/sensors/flow_rate_hk1",
            "{\"value\":%d,\"unit\":\"L/h\",\"quality\":\"good\",\"timestamp\":\"%s\"}"
                .formatted(600 + i, base.plusMillis(10L * i)));
      }
      // the source document's ingester's form: only a value
      publisher.publish("greenbox/hp-1/sensors/vorlauf_temp_hk1", "{\"value\": 52.3}");
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> stored("hp-") == 200 * 5 + 100 + 1);
    assertThat(
            fx.count(
                "SELECT count(*) FROM sensor_readings WHERE device_id = 'hp-1'"
                    + " AND timestamp_source = 'receipt' AND value = 52.3 AND unit = 'degC'"
                    + " AND time > now() - interval '5 minutes'"))
        .isEqualTo(1);
    Timestamp first = Timestamp.from(base);
    assertThat(
            fx.count(
                "SELECT count(*) FROM sensor_readings WHERE device_id = 'hp-0' AND time = ?"
                    + " AND building_id = 'it-b' AND timestamp_source = 'device'",
                first))
        .isEqualTo(6);
    assertThat(
            fx.strings(
                "SELECT sensor_id || '=' || round(value::numeric, 3) || ' ' || unit || ' ' || quality"
                    + " FROM sensor_readings WHERE device_id = 'hp-0' AND time = ? ORDER BY 1",
                first))
        .containsExactly(
            "flow_rate_hk1=10.000 L/min good",
            "heat_power=5.000 kW good",
            "indoor_temp=21.000 degC good",
            "outdoor_temp=3.500 degC uncertain",
            "ruecklauf_temp_hk1=40.000 degC good",
            "vorlauf_temp_hk1=50.000 degC good");
    assertThat(fx.count("SELECT count(*) FROM quarantine WHERE device_id LIKE 'hp-%'")).isZero();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> service.ingestor().stats().acknowledged() == 301);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                fx.count(
                        // hp-1 also sent the value-only message
                        "SELECT count(*) FROM device_status WHERE device_id LIKE 'hp-%' AND online"
                            + " AND message_count = 60 + (device_id = 'hp-1')::int"
                            + " AND reading_count = 220 + (device_id = 'hp-1')::int")
                    == 5);
  }

  @Test
  void quarantinesEveryCaseOfTheCorpusWithItsReasonWhileValidTrafficContinues() throws Exception {
    fx.execute("INSERT INTO devices (id, building_id) VALUES ('corpus-dev', 'it-b')");
    fx.execute(
        "INSERT INTO devices (id, building_id, active) VALUES ('corpus-off', 'it-b', false)");
    JsonNode corpus;
    try (InputStream in = getClass().getResourceAsStream("/ingest/malformed-corpus.json")) {
      corpus = new ObjectMapper().readTree(in);
    }
    assertThat(corpus.size()).isGreaterThanOrEqualTo(30);
    RunningIngest service = fx.ingest("it-corpus", "g-corpus");
    IngestFixture.awaitRunning(service);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant base = base();
    List<String[]> expectations = new ArrayList<>();
    int expectedValid = 0;
    try (TestPublisher publisher = new TestPublisher(fx.broker.url())) {
      int i = 0;
      for (JsonNode c : corpus) {
        String payload =
            c.get("payload")
                .asText()
                .replace("${now}", now.minusSeconds(i).toString())
                .replace("${future}", now.plus(Duration.ofMinutes(10)).toString())
                .replace("${old}", now.minus(Duration.ofDays(100)).toString());
        String topic = c.get("topic").asText();
        publisher.publish(topic, payload);
        String key =
            IngestMessage.mqtt(topic, payload.getBytes(StandardCharsets.UTF_8), now).messageKey();
        List<String> reasons = new ArrayList<>();
        c.get("reasons").forEach(r -> reasons.add(r.asText()));
        expectations.add(new String[] {c.get("name").asText(), key, String.join(",", reasons)});
        expectedValid += c.get("stored").asInt();
        publisher.publish(
            "greenbox/corpus-dev/sensors",
            IngestFixture.message("corpus-dev", base.plusMillis(10L * i++), 60));
        expectedValid += IngestFixture.READINGS;
      }
    }

    int valid = expectedValid;
    await().atMost(Duration.ofSeconds(60)).until(() -> stored("corpus-dev") == valid);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> service.pipeline().stats().messages() == 2L * corpus.size());
    for (String[] expected : expectations) {
      assertThat(
              String.join(
                  ",",
                  fx.strings(
                      "SELECT reason FROM quarantine WHERE message_key = ? ORDER BY part",
                      expected[1])))
          .as(expected[0])
          .isEqualTo(expected[2]);
    }
    IngestStats stats = service.pipeline().stats();
    assertThat(stats.rejectedByReason().keySet())
        .contains(
            "malformed_json",
            "missing_field",
            "wrong_type",
            "invalid_timestamp",
            "unknown_device",
            "inactive_device",
            "device_mismatch",
            "unknown_sensor",
            "unknown_unit",
            "invalid_quality",
            "non_finite",
            "out_of_range",
            "future_timestamp",
            "too_old");
    assertThat(stats.rejected())
        .isEqualTo(expectations.stream().mapToLong(e -> e[2].split(",").length).sum());
  }

  @Test
  void redeliveredAndRepublishedMessagesAreStoredOnce() throws Exception {
    fx.registerDevices("rd-", 3);
    Instant base = base();
    RunningIngest first = fx.ingest("it-redeliver", "g-redeliver");
    IngestFixture.awaitRunning(first);
    try (TestPublisher publisher = new TestPublisher(fx.broker.url())) {
      for (int i = 0; i < 300; i++) {
        publish(publisher, "rd-" + (i % 3), base.plusMillis(10L * i));
      }
      for (int i = 0; i < 100; i++) { // a device repeating itself
        publish(publisher, "rd-" + (i % 3), base.plusMillis(10L * i));
      }
      publisher.publish("greenbox/rd-0/sensors", "{\"broken\": ");
      publisher.publish("greenbox/rd-0/sensors", "{\"broken\": ");
      await().atMost(Duration.ofSeconds(60)).until(() -> stored("rd-") == 300L * 5);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> first.pipeline().stats().messages() == 402);
      assertThat(first.pipeline().stats().readingsDuplicate()).isEqualTo(100L * 5);

      // stopped without draining while more arrive: what was not acknowledged comes again
      for (int i = 300; i < 600; i++) {
        publish(publisher, "rd-" + (i % 3), base.plusMillis(10L * i));
      }
      first.stop(Duration.ZERO);
    }
    RunningIngest second = fx.ingest("it-redeliver", "g-redeliver");
    await().atMost(Duration.ofSeconds(60)).until(() -> stored("rd-") == 600L * 5);
    // a positive signal before the negative check: a marker published now arrives after anything
    // the broker still redelivers from the first session, so once it is stored nothing else comes
    try (TestPublisher publisher = new TestPublisher(fx.broker.url())) {
      publish(publisher, "rd-0", base.plusMillis(10L * 600));
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> stored("rd-") >= 601L * 5);
    assertThat(stored("rd-")).isEqualTo(601L * 5);
    assertThat(fx.count("SELECT count(*) FROM quarantine WHERE device_id = 'rd-0'")).isEqualTo(1);
    assertThat(second.ingestor().stats().connected()).isTrue();
  }

  @Test
  void aGracefulStopAcknowledgesEverythingItReceivedAndLeavesTheRestToTheSession()
      throws Exception {
    fx.registerDevices("gs-", 4);
    Instant base = base();
    RunningIngest first = fx.ingest("it-graceful", "g-graceful");
    IngestFixture.awaitRunning(first);
    try (TestPublisher publisher = new TestPublisher(fx.broker.url())) {
      for (int i = 0; i < 1_000; i++) {
        publish(publisher, "gs-" + (i % 4), base.plusMillis(10L * i));
      }
    }
    MqttIngestor ingestor = first.ingestor();
    first.stop(Duration.ofSeconds(20));
    MqttIngestor.Stats stats = ingestor.stats();
    assertThat(stats.inFlight()).isZero();
    assertThat(stats.acknowledged()).isEqualTo(stats.received());
    long storedByFirst = stored("gs-");
    assertThat(storedByFirst).isEqualTo(stats.received() * IngestFixture.READINGS);

    RunningIngest second = fx.ingest("it-graceful", "g-graceful");
    await().atMost(Duration.ofSeconds(60)).until(() -> stored("gs-") == 1_000L * 5);
    // what the first one acknowledged is not delivered again
    assertThat(second.pipeline().stats().readingsDuplicate()).isZero();
  }

  @Test
  void twoIngestorsInOneShareGroupSplitTheStream() throws Exception {
    fx.registerDevices("sh-", 20);
    RunningIngest a = fx.ingest("it-share-a", "g-share");
    RunningIngest b = fx.ingest("it-share-b", "g-share");
    IngestFixture.awaitRunning(a);
    IngestFixture.awaitRunning(b);
    Instant base = base();
    int messages = 2_000;
    try (TestPublisher publisher = new TestPublisher(fx.broker.url())) {
      for (int i = 0; i < messages; i++) {
        publish(publisher, "sh-" + (i % 20), base.plusMillis(10L * i));
      }
    }
    long total = (long) messages * IngestFixture.READINGS;
    await().atMost(Duration.ofSeconds(90)).until(() -> stored("sh-") == total);
    long byA = a.pipeline().stats().readingsStored();
    long byB = b.pipeline().stats().readingsStored();
    assertThat(byA + byB).isEqualTo(total);
    assertThat(byA).isGreaterThanOrEqualTo(total * 30 / 100);
    assertThat(byB).isGreaterThanOrEqualTo(total * 30 / 100);
  }

  private static void publish(TestPublisher publisher, String device, Instant time)
      throws InterruptedException {
    publisher.publish("greenbox/" + device + "/sensors", IngestFixture.message(device, time, 55));
  }
}
