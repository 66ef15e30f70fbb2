package de.vorlauf.persistence.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.persistence.RepositoryDatabase;
import de.vorlauf.persistence.delivery.SetpointDeliveryStore.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V160's delivery state machine on a real PostgreSQL: one command in flight per device and circuit
 * (a newer one supersedes, an older or expired one never displaces it), idempotent queueing, claims
 * that skip rows another worker holds and lease the rest, sends and send failures, acks that
 * settle, repeat, arrive late or name nothing, expiry and retention.
 */
class SetpointDeliveryStoreIT {

  private static final Instant T0 = Instant.parse("2026-12-04T10:05:00Z");
  private static final Duration RESEND = Duration.ofSeconds(60);

  @TempDir static Path dbDir;
  private static RepositoryDatabase db;

  private SetpointDeliveryStore store;
  private String device;

  @BeforeAll
  static void start() {
    db = RepositoryDatabase.start(dbDir);
  }

  @AfterAll
  static void stop() {
    if (db != null) {
      db.close();
    }
  }

  @BeforeEach
  void fresh() throws Exception {
    store = new SetpointDeliveryStore(db.dataSource(), Duration.ofDays(30));
    device = "dv-" + UUID.randomUUID().toString().substring(0, 8);
    // claims and expiry scan the whole table: earlier tests' rows must not be due
    db.execute("DELETE FROM setpoint_commands");
  }

  @Test
  void aNewerCommandSupersedesTheOneInFlightAndARetriedQueueChangesNothing() throws Exception {
    NewSetpointCommand first = command("a", T0);
    NewSetpointCommand second = command("b", T0.plus(Duration.ofHours(1)));

    assertThat(store.queue(first, T0, T0).created()).isTrue();
    store.markSent(id("a"), T0, T0.plus(RESEND));
    SetpointDeliveryStore.Queued queued = store.queue(second, T0.plusSeconds(3600), T0);

    assertThat(queued.created()).isTrue();
    assertThat(queued.superseded()).isEqualTo(id("a"));
    assertThat(queued.command().state()).isEqualTo(DeliveryState.QUEUED);
    TrackedCommand old = store.find(id("a")).orElseThrow();
    assertThat(old.state()).isEqualTo(DeliveryState.SUPERSEDED);
    assertThat(old.supersededBy()).isEqualTo(id("b"));
    assertThat(old.settledAt()).isEqualTo(T0.plusSeconds(3600));
    assertThat(old.nextAttemptAt()).isNull();

    // the activity's retry of the first hour: stored already, nothing changes, b stays in flight
    SetpointDeliveryStore.Queued again = store.queue(first, T0.plusSeconds(3700), T0);
    assertThat(again.created()).isFalse();
    assertThat(again.command().state()).isEqualTo(DeliveryState.SUPERSEDED);
    assertThat(store.find(id("b")).orElseThrow().state()).isEqualTo(DeliveryState.QUEUED);
    assertThat(store.find(id("b")).orElseThrow().payload())
        .isEqualTo(second.payload())
        .as("the exact bytes");
  }

  @Test
  void anOlderOrExpiredCommandNeverDisplacesTheValidOneInFlight() throws Exception {
    store.queue(command("new", T0.plusSeconds(1800)), T0.plusSeconds(1800), T0);

    TrackedCommand older = store.queue(command("old", T0), T0.plusSeconds(1800), T0).command();
    TrackedCommand stale =
        store
            .queue(command("stale", T0.plusSeconds(7200)), T0.plus(Duration.ofHours(4)), T0)
            .command();

    assertThat(older.state()).isEqualTo(DeliveryState.SUPERSEDED);
    assertThat(older.supersededBy()).isEqualTo(id("new"));
    assertThat(stale.state()).isEqualTo(DeliveryState.EXPIRED);
    assertThat(stale.reason()).contains("before it was queued");
    assertThat(store.find(id("new")).orElseThrow().state()).isEqualTo(DeliveryState.QUEUED);
    assertThat(store.inFlightCount()).isEqualTo(1);
  }

  @Test
  void aClaimSkipsRowsAnotherWorkerHoldsAndLeasesWhatItTakes() throws Exception {
    String other = device + "-2";
    store.queue(command("a", T0), T0, T0);
    store.queue(command(other, "b", T0), T0, T0);
    Instant now = T0.plusSeconds(1);

    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      // another worker in the middle of its claim of a
      try (PreparedStatement lock =
          c.prepareStatement("SELECT 1 FROM setpoint_commands WHERE command_id = ? FOR UPDATE")) {
        lock.setString(1, id("a"));
        lock.executeQuery().close();
      }
      List<TrackedCommand> claimed = store.claimDue(now, 10, now.plus(RESEND));
      assertThat(claimed).extracting(TrackedCommand::commandId).containsExactly(id(other, "b"));
      c.rollback();
    }
    // b is leased: only a is due now; after the lease both are
    assertThat(store.claimDue(now, 10, now.plus(RESEND)))
        .extracting(TrackedCommand::commandId)
        .containsExactly(id("a"));
    assertThat(store.claimDue(now, 10, now.plus(RESEND))).isEmpty();
    assertThat(store.claimDue(now.plus(RESEND), 10, now.plus(RESEND).plus(RESEND))).hasSize(2);
  }

  @Test
  void sendsCountAndAFailedSendStaysInFlightWithItsError() throws Exception {
    store.queue(command("a", T0), T0, T0);

    store.sendFailed(id("a"), "broker: connection refused", T0.plus(RESEND));
    TrackedCommand failed = store.find(id("a")).orElseThrow();
    assertThat(failed.state()).isEqualTo(DeliveryState.QUEUED);
    assertThat(failed.reason()).isEqualTo("broker: connection refused");
    assertThat(failed.attempts()).isZero();

    store.markSent(id("a"), T0.plusSeconds(60), T0.plusSeconds(120));
    store.markSent(id("a"), T0.plusSeconds(120), T0.plusSeconds(180));
    TrackedCommand sent = store.find(id("a")).orElseThrow();
    assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
    assertThat(sent.attempts()).isEqualTo(2);
    assertThat(sent.firstSentAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(sent.lastSentAt()).isEqualTo(T0.plusSeconds(120));
    assertThat(sent.nextAttemptAt()).isEqualTo(T0.plusSeconds(180));
    assertThat(sent.reason()).isNull();
  }

  @Test
  void anAckSettlesOnceAndAcksThatDoNotFitChangeNothingButALateAppliedValue() throws Exception {
    store.queue(command("a", T0), T0, T0);
    store.markSent(id("a"), T0, T0.plus(RESEND));

    SetpointDeliveryStore.Settlement applied = store.settle(applied("a", 44.5), T0.plusMillis(250));
    assertThat(applied.outcome()).isEqualTo(Outcome.SETTLED);
    assertThat(applied.latency()).isEqualTo(Duration.ofMillis(250));
    TrackedCommand row = store.find(id("a")).orElseThrow();
    assertThat(row.state()).isEqualTo(DeliveryState.APPLIED);
    assertThat(row.appliedValue()).isEqualTo(44.5);
    assertThat(row.nextAttemptAt()).isNull();

    // the device answers a resend again, and even changes its mind: the first answer stays
    assertThat(store.settle(rejected("a", "late thoughts"), T0.plusSeconds(60)).outcome())
        .isEqualTo(Outcome.REPEATED);
    assertThat(store.find(id("a")).orElseThrow().state()).isEqualTo(DeliveryState.APPLIED);
    assertThat(store.settle(applied("nobody", 40.0), T0).outcome()).isEqualTo(Outcome.UNKNOWN);
    // another device cannot settle this device's command
    assertThat(
            store.settle(new DeviceAck("intruder", id("a"), false, "no", null, T0), T0).outcome())
        .isEqualTo(Outcome.UNKNOWN);

    // a send recorded after the ack overtook it: the attempt counts, the state stays
    store.markSent(id("a"), T0.plusSeconds(61), T0.plusSeconds(121));
    TrackedCommand afterSend = store.find(id("a")).orElseThrow();
    assertThat(afterSend.state()).isEqualTo(DeliveryState.APPLIED);
    assertThat(afterSend.attempts()).isEqualTo(2);
    assertThat(afterSend.nextAttemptAt()).isNull();
  }

  @Test
  void aRejectionKeepsTheDevicesReasonAndALateApplyOfAnExpiredCommandKeepsItExpired()
      throws Exception {
    store.queue(command("r", T0), T0, T0);
    store.settle(rejected("r", "flow 150.0 above the maximum 75.0"), T0.plusSeconds(1));
    TrackedCommand rejected = store.find(id("r")).orElseThrow();
    assertThat(rejected.state()).isEqualTo(DeliveryState.REJECTED);
    assertThat(rejected.reason()).isEqualTo("flow 150.0 above the maximum 75.0");

    String other = device + "-2";
    store.queue(command(other, "x", T0), T0, T0);
    store.sendFailed(id(other, "x"), "broker down", T0.plusSeconds(60));
    List<TrackedCommand> expired = store.expire(T0.plus(Duration.ofHours(2)));
    assertThat(expired).extracting(TrackedCommand::commandId).containsExactly(id(other, "x"));
    TrackedCommand x = store.find(id(other, "x")).orElseThrow();
    assertThat(x.state()).isEqualTo(DeliveryState.EXPIRED);
    assertThat(x.reason()).contains("valid_until passed").contains("broker down");
    assertThat(store.expire(T0.plus(Duration.ofHours(3)))).isEmpty();

    Instant deviceTime = T0.plusSeconds(7300);
    SetpointDeliveryStore.Settlement late =
        store.settle(
            new DeviceAck(other, id(other, "x"), true, null, 41.0, deviceTime),
            T0.plusSeconds(7301));
    assertThat(late.outcome()).isEqualTo(Outcome.LATE);
    TrackedCommand after = store.find(id(other, "x")).orElseThrow();
    assertThat(after.state()).isEqualTo(DeliveryState.EXPIRED);
    assertThat(after.appliedAt()).isEqualTo(deviceTime);
    assertThat(after.appliedValue()).isEqualTo(41.0);
  }

  @Test
  void retentionRemovesOldSettledCommandsOnly() throws Exception {
    Instant longAgo = T0.minus(Duration.ofDays(40));
    store.queue(command("old", longAgo), longAgo, longAgo);
    store.settle(applied("old", 40.0), longAgo.plusSeconds(1));
    store.queue(command("recent", T0), T0, T0);

    assertThat(store.applyRetention(T0)).isEqualTo(1);
    assertThat(store.find(id("old"))).isEmpty();
    assertThat(store.find(id("recent"))).isPresent();
    assertThat(store.applyRetention(T0)).isZero();
  }

  private NewSetpointCommand command(String name, Instant issuedAt) {
    return command(device, name, issuedAt);
  }

  private static NewSetpointCommand command(String device, String name, Instant issuedAt) {
    String id = id(device, name);
    byte[] payload = ("{\"command_id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
    return new NewSetpointCommand(
        id,
        "b-" + device,
        device,
        1,
        issuedAt,
        "hourly",
        45.0,
        null,
        issuedAt,
        issuedAt.plus(Duration.ofHours(1)),
        payload);
  }

  private String id(String name) {
    return id(device, name);
  }

  private static String id(String device, String name) {
    return device + "/" + name;
  }

  private DeviceAck applied(String name, double value) {
    return new DeviceAck(device, id(name), true, null, value, T0);
  }

  private DeviceAck rejected(String name, String reason) {
    return new DeviceAck(device, id(name), false, reason, null, T0);
  }
}
