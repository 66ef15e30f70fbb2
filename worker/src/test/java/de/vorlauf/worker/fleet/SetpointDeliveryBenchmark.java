package de.vorlauf.worker.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.activities.delivery.DeliveryListener;
import de.vorlauf.activities.delivery.SetpointDelivery;
import de.vorlauf.activities.delivery.SetpointDispatcher;
import de.vorlauf.activities.optimization.MqttSetpointPublisher;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.persistence.delivery.DeliveryState;
import de.vorlauf.persistence.delivery.DeviceAck;
import de.vorlauf.persistence.delivery.NewSetpointCommand;
import de.vorlauf.persistence.delivery.SetpointDeliveryStore;
import de.vorlauf.persistence.jdbc.DatabaseSettings;
import de.vorlauf.persistence.jdbc.PooledDataSources;
import de.vorlauf.testsupport.SharedServices;
import de.vorlauf.testsupport.TestDatabase;
import de.vorlauf.worker.MigratedSchema;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not part of the suite (no *IT / *Test name): what tracked delivery costs per command at the
 * hourly run's scale, for docs/benchmarks.md "Setpoint delivery". {@code bench.commands} commands
 * (default 10,000) to as many devices on the test JVM's PostgreSQL and Mosquitto, nobody
 * subscribed: {@code deliver} (queue + first send + mark sent) one after the other as one activity
 * would, then the hour after, one dispatcher pass resending all of them, then the acks settled
 * straight through the store. Run with {@code mvn -o -pl worker -am verify
 * -Dit.test=SetpointDeliveryBenchmark -Dfailsafe.failIfNoSpecifiedTests=false -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbench.commands=10000}.
 */
class SetpointDeliveryBenchmark {

  private static final Logger log = LoggerFactory.getLogger(SetpointDeliveryBenchmark.class);

  @Test
  void deliverResendAndSettleAtTheHourlyRunsScale() throws Exception {
    int n = Integer.getInteger("bench.commands", 10_000);
    TestDatabase db =
        SharedServices.database(SetpointDeliveryBenchmark.class, MigratedSchema.class);
    RunningBroker broker = SharedServices.broker();
    Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
    // the worker's pool (4 connections): an unpooled data source measures connection set-up
    try (HikariDataSource pool =
            PooledDataSources.create(
                new DatabaseSettings(
                    db.jdbcUrl(), db.user(), db.password(), 4, Duration.ofSeconds(10)),
                "bench-delivery");
        MqttSetpointPublisher publisher =
            new MqttSetpointPublisher(
                new MqttSetpointPublisher.Settings(
                    broker.url(), null, null, Duration.ofSeconds(10)))) {
      SetpointDeliveryStore store = new SetpointDeliveryStore(pool, Duration.ofDays(30));
      SetpointDelivery delivery =
          new SetpointDelivery(
              store,
              publisher,
              Duration.ofSeconds(60),
              Clock.fixed(hour.plusSeconds(300), ZoneOffset.UTC),
              DeliveryListener.NONE);
      long[] nanos = new long[n];
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        long t = System.nanoTime();
        delivery.deliver(command(i, hour));
        nanos[i] = System.nanoTime() - t;
      }
      double deliverSeconds = (System.nanoTime() - start) / 1e9;
      Arrays.sort(nanos);

      SetpointDelivery later =
          new SetpointDelivery(
              store,
              publisher,
              Duration.ofSeconds(60),
              Clock.fixed(hour.plusSeconds(600), ZoneOffset.UTC),
              DeliveryListener.NONE);
      long passStart = System.nanoTime();
      SetpointDispatcher.Pass pass =
          new SetpointDispatcher(later, new SetpointDispatcher.Settings(Duration.ofSeconds(5), 500))
              .runOnce();
      double passSeconds = (System.nanoTime() - passStart) / 1e9;
      assertThat(pass.sent()).isEqualTo(n);

      long settleStart = System.nanoTime();
      for (int i = 0; i < n; i++) {
        store.settle(
            new DeviceAck("bench-" + i + "-gb", "bench-" + i, true, null, 45.0, hour),
            hour.plusSeconds(601));
      }
      double settleSeconds = (System.nanoTime() - settleStart) / 1e9;
      assertThat(store.find("bench-0").orElseThrow().state()).isEqualTo(DeliveryState.APPLIED);
      log.info(
          "setpoint delivery, {} commands: deliver {} s ({} /s; per command p50 {} ms, p99 {} ms,"
              + " max {} ms); one dispatcher pass resending all {} s; settling {} acks {} s",
          n,
          round(deliverSeconds),
          Math.round(n / deliverSeconds),
          round(nanos[n / 2] / 1e6),
          round(nanos[(int) (n * 0.99)] / 1e6),
          round(nanos[n - 1] / 1e6),
          round(passSeconds),
          n,
          round(settleSeconds));
    }
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static NewSetpointCommand command(int i, Instant hour) {
    String id = "bench-" + i;
    String json =
        ("{\"command_id\":\"%s\",\"circuit\":1,\"flow_temp_setpoint\":45.0,"
                + "\"valid_until\":\"%s\",\"issued_at\":\"%s\"}")
            .formatted(id, hour.plusSeconds(3600), hour);
    return new NewSetpointCommand(
        id,
        "bench-" + i,
        "bench-" + i + "-gb",
        1,
        hour,
        "bench",
        45.0,
        null,
        hour,
        hour.plusSeconds(3600),
        json.getBytes(StandardCharsets.UTF_8));
  }
}
