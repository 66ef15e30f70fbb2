package de.vorlauf.worker.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.vorlauf.simulator.mqtt.ConnectionPlan;
import de.vorlauf.simulator.mqtt.FleetConnections;
import de.vorlauf.simulator.mqtt.MqttLogin;
import de.vorlauf.simulator.mqtt.MqttSettings;
import de.vorlauf.simulator.mqtt.PublisherConnection;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * The two lanes against real Mosquitto and PostgreSQL: a large backlog the broker holds does not
 * delay live readings, and an upload paced by commit receipts (the simulator's backfill) loses and
 * repeats nothing when the worker restarts in the middle of it.
 */
class BacklogLaneIT {

  private static IngestFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new IngestFixture(BacklogLaneIT.class);
    fixture.registerDevices("lane-old-", 4);
    fixture.registerDevices("lane-live-", 1);
    fixture.registerDevices("lane-up-", 3);
  }

  @AfterEach
  void stopServices() {
    fixture.stopServices();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /**
   * The broker holds 40,000 backlog messages (200,000 readings) for the worker when it starts; live
   * readings published meanwhile are committed within seconds, while most of the backlog is still
   * waiting.
   */
  @Test
  @Timeout(60)
  void liveReadingsAreStoredWhileALargeBacklogDrains() throws Exception {
    String client = "lane-it-" + UUID.randomUUID();
    IngestFixture.awaitRunning(fixture.ingest(client, "lanes-a"));
    fixture.stopServices(); // the sessions stay: the broker queues for them

    int backlogMessages = 40_000;
    Instant history = Instant.now().minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.MINUTES);
    publishFast(backlogMessages, history);
    long backlogTotal = (long) backlogMessages * IngestFixture.READINGS;

    RunningIngest ingest = fixture.ingest(client, "lanes-a");
    List<Long> lagsMillis = new ArrayList<>();
    List<Long> backlogStoredAtLiveCommit = new ArrayList<>();
    try (TestPublisher live = new TestPublisher(fixture.broker.url())) {
      for (int i = 0; i < 10; i++) {
        Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        live.publish(
            "greenbox/lane-live-0/sensors", IngestFixture.message("lane-live-0", time, 50 + i));
        long published = System.nanoTime();
        await()
            .atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(20))
            .until(
                () ->
                    fixture.count(
                            "SELECT count(*) FROM sensor_readings WHERE device_id = 'lane-live-0'"
                                + " AND time = ?",
                            Timestamp.from(time))
                        == IngestFixture.READINGS);
        lagsMillis.add((System.nanoTime() - published) / 1_000_000);
        backlogStoredAtLiveCommit.add(backlogStored());
        Thread.sleep(200);
      }
    }
    LoggerFactory.getLogger(BacklogLaneIT.class)
        .info(
            "live lags {} ms; backlog readings stored at each live commit {} of {}",
            lagsMillis,
            backlogStoredAtLiveCommit,
            backlogTotal);
    // live readings were committed while the backlog was still far from stored
    assertThat(backlogStoredAtLiveCommit.get(0)).isLessThan(backlogTotal / 2);
    assertThat(lagsMillis).allMatch(lag -> lag < 5_000, "every live reading within 5 s");

    await()
        .atMost(Duration.ofSeconds(40))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> backlogStored() == backlogTotal);
  }

  /**
   * The simulator's paced upload (receipt window 50, receipts overdue after 3 s): the worker is
   * stopped a third of the way through and started again; every reading arrives exactly once.
   */
  @Test
  @Timeout(60)
  void aPacedUploadLosesAndRepeatsNothingWhenTheWorkerRestarts() throws Exception {
    String client = "lane-up-" + UUID.randomUUID();
    IngestFixture.awaitRunning(fixture.ingest(client, "lanes-b"));
    int perDevice = 1_000;
    List<String> devices = List.of("lane-up-0", "lane-up-1", "lane-up-2");
    MqttSettings settings =
        MqttSettings.of(fixture.broker.url()).withBacklog(50, Duration.ofSeconds(3));
    Instant start = Instant.now().minus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MINUTES);
    AtomicReference<Throwable> failed = new AtomicReference<>();
    try (FleetConnections fleet =
        FleetConnections.open(
            settings,
            List.of(new ConnectionPlan(MqttLogin.anonymous("lane-uploader"), devices)),
            null,
            null)) {
      assertThat(fleet.awaitConnected(Duration.ofSeconds(20))).isTrue();
      PublisherConnection connection = fleet.forDevice("lane-up-0");
      Thread uploader =
          new Thread(
              () -> {
                try {
                  for (int m = 0; m < perDevice; m++) {
                    Instant time = start.plusSeconds(60L * m);
                    for (String device : devices) {
                      connection.publishBacklog(
                          device,
                          IngestFixture.message(device, time, m % 40)
                              .getBytes(StandardCharsets.UTF_8));
                    }
                  }
                } catch (Throwable e) {
                  failed.set(e);
                }
              },
              "it-paced-upload");
      uploader.start();

      long total = (long) perDevice * devices.size() * IngestFixture.READINGS;
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> uploaded() > total / 3);
      fixture.stopServices(); // mid-upload: the uploader waits for receipts, the broker queues
      long atStop = uploaded();
      Thread.sleep(1_000);
      assertThat(connection.awaitingReceiptCount()).isLessThanOrEqualTo(50);
      IngestFixture.awaitRunning(fixture.ingest(client, "lanes-b"));

      uploader.join(40_000);
      assertThat(failed.get()).isNull();
      assertThat(uploader.isAlive()).isFalse();
      assertThat(fleet.drainBacklog(Duration.ofSeconds(20))).isTrue();

      assertThat(atStop).isLessThan(total);
      assertThat(uploaded()).isEqualTo(total);
      assertThat(
              fixture.count(
                  "SELECT count(DISTINCT (device_id, sensor_id, time)) FROM sensor_readings"
                      + " WHERE device_id LIKE 'lane-up-%'"))
          .isEqualTo(total);
      assertThat(connection.receiptCount()).isGreaterThanOrEqualTo(perDevice * devices.size());
    }
  }

  private static long backlogStored() {
    return fixture.count("SELECT count(*) FROM sensor_readings WHERE device_id LIKE 'lane-old-%'");
  }

  private static long uploaded() {
    return fixture.count("SELECT count(*) FROM sensor_readings WHERE device_id LIKE 'lane-up-%'");
  }

  /** A device that ignores pacing: QoS 1 as fast as the broker takes it, on the backlog topic. */
  private static void publishFast(int messages, Instant from) throws Exception {
    MqttAsyncClient client =
        new MqttAsyncClient(
            fixture.broker.url(), "it-flood-" + UUID.randomUUID(), new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    client.connect(options).waitForCompletion(10_000);
    try {
      for (int i = 0; i < messages; i++) {
        String device = "lane-old-" + (i % 4);
        byte[] payload =
            IngestFixture.message(device, from.plusSeconds(60L * (i / 4)), i % 50)
                .getBytes(StandardCharsets.UTF_8);
        while (true) {
          try {
            client.publish("greenbox/" + device + "/backlog", payload, 1, false);
            break;
          } catch (MqttException e) {
            Thread.sleep(2); // the client's inflight window is full
          }
        }
      }
      while (client.getPendingTokens().length > 0) {
        Thread.sleep(20);
      }
      client.disconnect().waitForCompletion(5_000);
    } finally {
      client.close();
    }
  }
}
