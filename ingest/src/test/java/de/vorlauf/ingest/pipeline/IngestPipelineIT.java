package de.vorlauf.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.domain.ingest.Lane;
import de.vorlauf.ingest.IngestThreads;
import de.vorlauf.persistence.Migrations;
import de.vorlauf.persistence.ingest.DeviceStatusStore;
import de.vorlauf.persistence.jdbc.DatabaseSettings;
import de.vorlauf.persistence.jdbc.PooledDataSources;
import de.vorlauf.persistence.timeseries.ReadingWriter;
import de.vorlauf.persistence.timeseries.StorageMode;
import de.vorlauf.persistence.timeseries.WriterSettings;
import de.vorlauf.testsupport.SharedServices;
import de.vorlauf.testsupport.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline against real PostgreSQL: quarantine cap and dedup, re-ingest, device status. */
class IngestPipelineIT {

  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  @TempDir static Path dir;
  private static RunningPostgres postgres;

  private HikariDataSource ds;
  private ReadingWriter writer;
  private IngestPipeline pipeline;
  private final TestClock clock = new TestClock();

  @BeforeAll
  static void startPostgres() {
    postgres = SharedServices.database(IngestPipelineIT.class);
  }

  @AfterAll
  static void stopPostgres() {
    postgres.close();
  }

  @BeforeEach
  void setUp() throws Exception {
    String schema = "ingest" + SCHEMAS.incrementAndGet();
    try (Connection c =
            DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    ds =
        PooledDataSources.create(
            new DatabaseSettings(
                postgres.jdbcUrl() + "?currentSchema=" + schema,
                postgres.user(),
                postgres.password(),
                6,
                Duration.ofSeconds(5)),
            "it-" + schema);
    Migrations.migrate(ds);
    execute(
        "INSERT INTO buildings (id, name, time_zone, heating_type)"
            + " VALUES ('b1', 'Haus 1', 'Europe/Berlin', 'gas')");
    execute("INSERT INTO devices (id, building_id) VALUES ('gb-1', 'b1')");
    execute("INSERT INTO devices (id, building_id, active) VALUES ('gb-off', 'b1', false)");
    writer =
        ReadingWriter.start(
            ds,
            StorageMode.PLAIN_POSTGRESQL,
            WriterSettings.defaults().withLinger(Duration.ofMillis(10)),
            "it-writer");
  }

  private void startPipeline(IngestSettings settings) {
    pipeline = IngestPipeline.create(ds, writer, settings, clock, IngestThreads.platform());
  }

  @AfterEach
  void tearDown() {
    if (pipeline != null) {
      pipeline.close();
    }
    writer.close();
    ds.close();
  }

  private static String message(String device, Instant time, String readings) {
    return """
        {"device_id":"%s","timestamp":"%s","readings":[%s]}"""
        .formatted(device, time, readings);
  }

  private static String reading(String sensor, double value, String unit) {
    return """
        {"sensor_id":"%s","value":%s,"unit":"%s"}"""
        .formatted(sensor, value, unit);
  }

  private IngestOutcome ingest(String device, String payload) throws Exception {
    return pipeline
        .ingest(
            IngestMessage.mqtt(
                "greenbox/" + device + "/sensors",
                payload.getBytes(StandardCharsets.UTF_8),
                Instant.now()),
            Duration.ofSeconds(5))
        .get(30, TimeUnit.SECONDS);
  }

  @Test
  void storesValidReadingsAndQuarantinesTheBadOnesBesideThem() throws Exception {
    startPipeline(IngestSettings.defaults());
    Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
    IngestOutcome outcome =
        ingest(
            "gb-1",
            message(
                "gb-1",
                t,
                reading("vorlauf_temp_hk1", 55.5, "°C")
                    + ","
                    + reading("outdoor_temp", 400, "degC")
                    + ","
                    + reading("heat_power", 12, "kW")));

    assertThat(outcome.inserted()).isEqualTo(2);
    assertThat(outcome.reasons()).containsExactly("out_of_range");
    assertThat(outcome.quarantined()).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM sensor_readings WHERE time = '" + t + "'")).isEqualTo(2);
    assertThat(
            count(
                "SELECT count(*) FROM quarantine WHERE reason = 'out_of_range'"
                    + " AND sensor_id = 'outdoor_temp' AND device_id = 'gb-1'"))
        .isEqualTo(1);
    assertThat(pipeline.stats().rejectedByReason()).containsEntry("out_of_range", 1L);
  }

  @Test
  void theSourceDocumentsValueOnlyMessageIsStoredAtItsReceiveTime() throws Exception {
    startPipeline(IngestSettings.defaults());
    Instant received = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    byte[] payload = "{\"value\": 52.3}".getBytes(StandardCharsets.UTF_8);
    String topic = "greenbox/gb-1/sensors/vorlauf_temp_hk1";

    IngestOutcome outcome =
        pipeline
            .ingest(IngestMessage.mqtt(topic, payload, received), Duration.ofSeconds(5))
            .get(30, TimeUnit.SECONDS);
    // a redelivered copy arrives later: it is a new reading at its own receive time
    IngestOutcome redelivered =
        pipeline
            .ingest(IngestMessage.mqtt(topic, payload, received.plusMillis(250)), Duration.ZERO)
            .get(30, TimeUnit.SECONDS);

    assertThat(outcome.inserted()).isEqualTo(1);
    assertThat(outcome.reasons()).isEmpty();
    assertThat(redelivered.inserted()).isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM sensor_readings WHERE time = '"
                    + received
                    + "' AND building_id = 'b1' AND sensor_id = 'vorlauf_temp_hk1'"
                    + " AND value = 52.3 AND unit = 'degC' AND quality = 'good'"
                    + " AND timestamp_source = 'receipt' AND device_id = 'gb-1'"))
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM sensor_readings WHERE timestamp_source = 'receipt'"))
        .isEqualTo(2);
  }

  @Test
  void theMessagesMetadataIsKeptPerDeviceLatestFirst() throws Exception {
    startPipeline(IngestSettings.defaults());
    Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
    String withMetadata =
        """
        {"device_id":"gb-1","timestamp":"%s","readings":[%s],
         "metadata":{"firmware_version":"%s","signal_strength":%d}}""";
    ingest("gb-1", withMetadata.formatted(t, reading("outdoor_temp", 3, "degC"), "2.1.3", -71));
    pipeline.deviceStatus().flush();
    ingest(
        "gb-1",
        withMetadata.formatted(t.plusSeconds(1), reading("outdoor_temp", 3, "degC"), "2.1.4", -67));
    // a message without metadata leaves the last report alone
    ingest("gb-1", message("gb-1", t.plusSeconds(2), reading("outdoor_temp", 3, "degC")));
    pipeline.deviceStatus().flush();

    assertThat(
            count(
                "SELECT count(*) FROM device_metadata WHERE device_id = 'gb-1'"
                    + " AND firmware_version = '2.1.4' AND signal_strength = -67"
                    + " AND reported_at > now() - interval '1 minute'"))
        .isEqualTo(1);
  }

  @Test
  void aRedeliveredBadMessageIsQuarantinedOnce() throws Exception {
    startPipeline(IngestSettings.defaults());
    String payload = "{\"device_id\": \"gb-1\", broken";
    IngestOutcome first = ingest("gb-1", payload);
    IngestOutcome again = ingest("gb-1", payload);

    assertThat(first.reasons()).containsExactly("malformed_json");
    assertThat(again.reasons()).containsExactly("malformed_json");
    assertThat(count("SELECT count(*) FROM quarantine")).isEqualTo(1);
    assertThat(count("SELECT stored FROM quarantine_counts WHERE reason = 'malformed_json'"))
        .isEqualTo(1);
    assertThat(pipeline.stats().quarantineDuplicate()).isEqualTo(1);
  }

  @Test
  void beyondTheCapRowsAreOnlyCountedPerReason() throws Exception {
    startPipeline(IngestSettings.defaults().withQuarantineCap(5));
    for (int i = 0; i < 8; i++) {
      ingest("gb-1", "not json " + i);
    }
    ingest("gb-off", message("gb-off", Instant.now(), reading("outdoor_temp", 1, "degC")));

    assertThat(count("SELECT count(*) FROM quarantine")).isEqualTo(5);
    assertThat(count("SELECT dropped FROM quarantine_counts WHERE reason = 'malformed_json'"))
        .isEqualTo(3);
    assertThat(count("SELECT dropped FROM quarantine_counts WHERE reason = 'inactive_device'"))
        .isEqualTo(1);
    assertThat(pipeline.stats().quarantineDropped()).isEqualTo(4);

    execute("DELETE FROM quarantine WHERE id IN (SELECT id FROM quarantine LIMIT 2)");
    assertThat(count("SELECT sum(stored) FROM quarantine_counts")).isEqualTo(3);
    ingest("gb-1", "still not json");
    assertThat(count("SELECT count(*) FROM quarantine")).isEqualTo(4);
  }

  @Test
  void reingestsAMessageOnceItsDeviceIsRegistered() throws Exception {
    startPipeline(IngestSettings.defaults());
    Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
    String payload =
        message(
            "gb-new",
            t,
            reading("vorlauf_temp_hk1", 60, "degC") + "," + reading("indoor_temp", 21, "K"));
    IngestOutcome refused = ingest("gb-new", payload);
    assertThat(refused.reasons()).containsExactly("unknown_device");
    assertThat(count("SELECT count(*) FROM sensor_readings")).isZero();

    QuarantineReingest reingest = new QuarantineReingest(ds, pipeline);
    QuarantineReingest.Report nothingChanged =
        reingest.reingest(
            QuarantineReingest.Selection.filter("gb-new", "unknown_device", 100),
            Duration.ofSeconds(5));
    assertThat(nothingChanged.stillRefused()).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM quarantine")).isEqualTo(1);

    execute("INSERT INTO devices (id, building_id) VALUES ('gb-new', 'b1')");
    clock.advance(Duration.ofMillis(1_100)); // the directory remembers an unknown id for 1 s
    QuarantineReingest.Report report =
        reingest.reingest(
            QuarantineReingest.Selection.filter("gb-new", null, 100), Duration.ofSeconds(5));

    // 21 K converts to about -252 °C: still refused, now for its range
    assertThat(report.messages()).isEqualTo(1);
    assertThat(report.readingsStored()).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM sensor_readings WHERE device_id = 'gb-new'"))
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM quarantine WHERE reason = 'unknown_device'")).isZero();
    assertThat(count("SELECT count(*) FROM quarantine WHERE reason = 'out_of_range'")).isEqualTo(1);

    QuarantineReingest.Report twice =
        reingest.reingest(QuarantineReingest.Selection.ids(ids()), Duration.ofSeconds(5));
    assertThat(twice.readingsStored()).isZero();
    assertThat(twice.readingsDuplicate()).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM sensor_readings WHERE device_id = 'gb-new'"))
        .isEqualTo(1);
  }

  @Test
  void reingestsVendorMessagesAsVendorMessages() throws Exception {
    startPipeline(IngestSettings.defaults());
    Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(5, ChronoUnit.MINUTES);
    String valid =
        vendorMessage(
            minute,
            vendorReading("vorlauf_temp_hk1", 48.5, "degC", minute)
                + ","
                + vendorReading("outdoor_temp", 4.5, "degC", minute.plusSeconds(30)));
    // 21 K is about -252 °C: refused for its range once the device is known
    String partly =
        vendorMessage(
            minute.plusSeconds(60),
            vendorReading("outdoor_temp", 4.0, "degC", minute.plusSeconds(60))
                + ","
                + vendorReading("indoor_temp", 21, "K", minute.plusSeconds(60)));
    assertThat(ingestVendor(valid).reasons()).containsExactly("unknown_device");
    assertThat(ingestVendor(partly).reasons()).containsExactly("unknown_device");
    assertThat(
            count(
                "SELECT count(*) FROM quarantine WHERE source = 'vendor' AND topic IS NULL"
                    + " AND device_id = 'vc-inst-7' AND reason = 'unknown_device'"))
        .isEqualTo(2);

    execute("INSERT INTO devices (id, building_id) VALUES ('vc-inst-7', 'b1')");
    clock.advance(Duration.ofMillis(1_100)); // the directory remembers an unknown id for 1 s
    QuarantineReingest.Report report =
        new QuarantineReingest(ds, pipeline)
            .reingest(
                QuarantineReingest.Selection.filter("vc-inst-7", "unknown_device", 100),
                Duration.ofSeconds(5));

    assertThat(report.messages()).isEqualTo(2);
    assertThat(report.readingsStored()).isEqualTo(3);
    assertThat(report.released()).isEqualTo(1);
    assertThat(report.stillRefused()).isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM sensor_readings WHERE device_id = 'vc-inst-7' AND ("
                    + "(sensor_id = 'vorlauf_temp_hk1' AND time = '%s')".formatted(minute)
                    + " OR (sensor_id = 'outdoor_temp' AND time = '%s')"
                        .formatted(minute.plusSeconds(30))
                    + " OR (sensor_id = 'outdoor_temp' AND time = '%s'))"
                        .formatted(minute.plusSeconds(60))))
        .isEqualTo(3);
    assertThat(count("SELECT count(*) FROM quarantine WHERE reason = 'unknown_device'")).isZero();
    // the refusal that remains is still the vendor's, under the key a redelivery would have
    assertThat(
            count(
                "SELECT count(*) FROM quarantine WHERE source = 'vendor' AND topic IS NULL"
                    + " AND device_id = 'vc-inst-7' AND reason = 'out_of_range'"
                    + " AND sensor_id = 'indoor_temp'"))
        .isEqualTo(1);
    IngestOutcome redelivered = ingestVendor(partly);
    assertThat(redelivered.duplicates()).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM quarantine")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM sensor_readings WHERE device_id = 'vc-inst-7'"))
        .isEqualTo(3);
  }

  @Test
  void theLiveLanesLagIsTheDevicesNotTheVendorClouds() throws Exception {
    startPipeline(IngestSettings.defaults());
    execute("INSERT INTO devices (id, building_id) VALUES ('vc-inst-7', 'b1')");
    Instant published = clock.instant().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
    IngestOutcome pushed =
        ingest("gb-1", message("gb-1", published, reading("outdoor_temp", 3, "degC")));
    Duration lag = pipeline.lane(pushed.lane()).lastLag();
    assertThat(lag).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));

    // a vendor cloud's readings arrive minutes old by its polling cadence: not the lane's lag
    Instant polled = published.minus(4, ChronoUnit.MINUTES);
    IngestOutcome vendor =
        ingestVendor(vendorMessage(polled, vendorReading("outdoor_temp", 4.0, "degC", polled)));
    assertThat(vendor.inserted()).isEqualTo(1);
    for (Lane lane : Lane.values()) {
      assertThat(pipeline.lane(lane).lastLag())
          .as("lag of lane %s", lane)
          .isEqualTo(lane == pushed.lane() ? lag : null);
    }
  }

  /** As the polling activities render it: one message per device and minute. */
  private static String vendorMessage(Instant minute, String readings) {
    return """
        {"device_id":"vc-inst-7","timestamp":"%s","readings":[%s],\
        "metadata":{"source":"vendor","integration":"sim-cloud","installation":"inst-7"}}"""
        .formatted(minute, readings);
  }

  private static String vendorReading(String sensor, double value, String unit, Instant time) {
    return """
        {"sensor_id":"%s","value":%s,"unit":"%s","timestamp":"%s"}"""
        .formatted(sensor, value, unit, time);
  }

  private IngestOutcome ingestVendor(String payload) throws Exception {
    return pipeline
        .ingest(
            IngestMessage.vendor(
                "vc-inst-7", payload.getBytes(StandardCharsets.UTF_8), Instant.now()),
            Duration.ofSeconds(5))
        .get(30, TimeUnit.SECONDS);
  }

  @Test
  void keepsDeviceStatusOneRowPerDevice() throws Exception {
    startPipeline(IngestSettings.defaults());
    Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(10);
    ingest("gb-1", message("gb-1", t, reading("outdoor_temp", 3, "degC")));
    pipeline.deviceStatus().flush();
    DeviceStatusStore.DeviceStatus first = status();
    assertThat(first.online()).isFalse();
    assertThat(first.messageCount()).isEqualTo(1);

    ingest("gb-1", message("gb-1", t.plusSeconds(5), reading("outdoor_temp", 4, "degC")));
    ingest("gb-1", message("gb-1", t.plusSeconds(6), reading("outdoor_temp", 999, "degC")));
    pipeline.deviceStatus().flush();
    DeviceStatusStore.DeviceStatus status = status();
    assertThat(status.online()).isTrue();
    assertThat(status.messageCount()).isEqualTo(3);
    assertThat(status.readingCount()).isEqualTo(2);
    assertThat(status.quarantinedCount()).isEqualTo(1);
    assertThat(status.lastReadingTime()).isEqualTo(t.plusSeconds(5));
    assertThat(status.buildingId()).isEqualTo("b1");
  }

  private DeviceStatusStore.DeviceStatus status() throws SQLException {
    try (Connection c = ds.getConnection()) {
      List<DeviceStatusStore.DeviceStatus> all =
          pipeline.deviceStatus().store().list(c, "b1", Instant.now());
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }

  private List<Long> ids() throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM quarantine ORDER BY id")) {
      List<Long> ids = new java.util.ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
      return ids;
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
