package de.vorlauf.activities.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.persistence.delivery.DeliveryState;
import de.vorlauf.persistence.delivery.DeviceAck;
import de.vorlauf.persistence.delivery.NewSetpointCommand;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The delivery and its dispatcher on an injected clock, an in-memory store and a recording sender:
 * the first send happens in {@code deliver} with the message expiry up to {@code valid_until},
 * resends follow the resend interval until the ack, a superseded or expired command is never sent
 * again, and a failed send keeps the command in flight and ends the pass.
 */
class SetpointDispatcherTest {

  private static final Instant T0 = Instant.parse("2026-12-04T10:05:00Z");
  private static final Duration RESEND = Duration.ofSeconds(60);

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();
  private final List<Sent> sent = new ArrayList<>();
  private final AtomicInteger failuresToCome = new AtomicInteger();
  private final List<String> events = new ArrayList<>();
  private final SetpointDelivery delivery =
      new SetpointDelivery(
          store,
          (device, payload, expiry) -> {
            if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
              throw new IllegalStateException("broker down");
            }
            sent.add(new Sent(device, new String(payload, StandardCharsets.UTF_8), expiry));
          },
          RESEND,
          clock,
          new DeliveryListener() {
            @Override
            public void sent(boolean resend) {
              events.add(resend ? "resent" : "sent");
            }

            @Override
            public void sendFailed() {
              events.add("failed");
            }

            @Override
            public void settled(DeliveryState state, Duration ackLatency) {
              events.add(state.name());
            }
          });
  private final SetpointDispatcher dispatcher =
      new SetpointDispatcher(delivery, new SetpointDispatcher.Settings(Duration.ofSeconds(5), 2));

  private record Sent(String device, String payload, Duration expiry) {}

  @Test
  void theFirstSendIsTheDeliverysAndResendsFollowUntilTheAck() throws Exception {
    delivery.deliver(command("gb-1", "c1", T0));
    assertThat(sent).containsExactly(new Sent("gb-1", "c1", Duration.ofHours(1)));

    clock.advance(Duration.ofSeconds(30));
    assertThat(dispatcher.runOnce().sent()).as("not due before the resend interval").isZero();

    clock.advance(Duration.ofSeconds(30));
    assertThat(dispatcher.runOnce().sent()).isEqualTo(1);
    assertThat(sent.get(1).expiry()).isEqualTo(Duration.ofMinutes(59));
    assertThat(store.find("c1").orElseThrow().attempts()).isEqualTo(2);

    store.settle(new DeviceAck("gb-1", "c1", true, null, 45.0, clock.instant()), clock.instant());
    clock.advance(RESEND);
    assertThat(dispatcher.runOnce().sent()).isZero();
    assertThat(sent).hasSize(2);
    assertThat(events).containsExactly("sent", "resent");
  }

  @Test
  void aNewerCommandSupersedesAndAnExpiredOneIsNeverSentAgain() throws Exception {
    delivery.deliver(command("gb-1", "c1", T0));
    clock.advance(Duration.ofMinutes(10));
    delivery.deliver(command("gb-1", "c2", clock.instant()));
    delivery.deliver(command("gb-2", "c3", T0));

    clock.advance(Duration.ofMinutes(51));
    SetpointDispatcher.Pass pass = dispatcher.runOnce();

    // c3 (valid until T0 + 1 h) expired; c1 was superseded; only c2 is sent again
    assertThat(pass.expired()).isEqualTo(1);
    assertThat(sent.subList(3, sent.size())).extracting(Sent::payload).containsExactly("c2");
    assertThat(store.find("c1").orElseThrow().state()).isEqualTo(DeliveryState.SUPERSEDED);
    assertThat(store.find("c3").orElseThrow().state()).isEqualTo(DeliveryState.EXPIRED);
    assertThat(events).containsSubsequence("SUPERSEDED", "EXPIRED", "resent");
  }

  @Test
  void aFailedSendStaysInFlightAndEndsThePass() throws Exception {
    failuresToCome.set(2);
    delivery.deliver(command("gb-1", "c1", T0));
    delivery.deliver(command("gb-2", "c2", T0));
    delivery.deliver(command("gb-3", "c3", T0));
    assertThat(sent).extracting(Sent::payload).containsExactly("c3");
    assertThat(store.find("c1").orElseThrow().state()).isEqualTo(DeliveryState.QUEUED);
    assertThat(store.find("c1").orElseThrow().reason()).contains("broker down");

    clock.advance(RESEND);
    failuresToCome.set(1);
    SetpointDispatcher.Pass pass = dispatcher.runOnce();
    assertThat(pass.failed()).isEqualTo(1);
    assertThat(pass.sent()).isZero();

    // the claimed but unsent rest comes back after its lease, with the failed one
    clock.advance(RESEND);
    assertThat(dispatcher.runOnce().sent()).isEqualTo(3);
    assertThat(store.find("c1").orElseThrow().state()).isEqualTo(DeliveryState.SENT);
  }

  private static NewSetpointCommand command(String device, String id, Instant issuedAt) {
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
        id.getBytes(StandardCharsets.UTF_8));
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
