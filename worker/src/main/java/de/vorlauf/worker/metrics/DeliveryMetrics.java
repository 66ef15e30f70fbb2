package de.vorlauf.worker.metrics;

import de.vorlauf.activities.delivery.DeliveryListener;
import de.vorlauf.persistence.delivery.DeliveryState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Setpoint delivery on this worker: {@code vorlauf_setpoint_commands_total{state}} (final states),
 * {@code vorlauf_setpoint_sends_total{attempt=first|resend}}, {@code
 * vorlauf_setpoint_send_failures_total}, {@code vorlauf_setpoint_ack_latency_seconds} (first send
 * to ack, a histogram), {@code vorlauf_setpoint_acks_ignored_total{why}}, {@code
 * vorlauf_setpoint_acks_unreadable_total} and the gauge {@code vorlauf_setpoint_in_flight}.
 */
public final class DeliveryMetrics implements DeliveryListener {

  private final MeterRegistry registry;
  private final Counter first;
  private final Counter resend;
  private final Counter failures;
  private final Counter unreadable;
  private final Timer ackLatency;
  private final AtomicLong inFlight = new AtomicLong();

  public DeliveryMetrics(MeterRegistry registry) {
    this.registry = registry;
    first = sends(registry, "first");
    resend = sends(registry, "resend");
    failures =
        Counter.builder("vorlauf.setpoint.send.failures")
            .description("setpoint sends the broker did not accept (the command stays in flight)")
            .register(registry);
    unreadable =
        Counter.builder("vorlauf.setpoint.acks.unreadable")
            .description("acks on greenbox/+/commands/ack that could not be read")
            .register(registry);
    ackLatency =
        Timer.builder("vorlauf.setpoint.ack.latency")
            .description("first send of a setpoint command to the device's ack")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(10))
            .maximumExpectedValue(Duration.ofHours(1))
            .register(registry);
    Gauge.builder("vorlauf.setpoint.in_flight", inFlight, AtomicLong::get)
        .description("setpoint commands queued or sent and not yet settled (all workers)")
        .register(registry);
    for (DeliveryState state : DeliveryState.values()) {
      if (!state.inFlight()) {
        commands(state);
      }
    }
  }

  private static Counter sends(MeterRegistry registry, String attempt) {
    return Counter.builder("vorlauf.setpoint.sends")
        .description("setpoint commands the broker accepted, first sends and resends")
        .tag("attempt", attempt)
        .register(registry);
  }

  private Counter commands(DeliveryState state) {
    return Counter.builder("vorlauf.setpoint.commands")
        .description("setpoint commands by the final state this worker settled them in")
        .tag("state", state.name().toLowerCase(Locale.ROOT))
        .register(registry);
  }

  @Override
  public void sent(boolean isResend) {
    (isResend ? resend : first).increment();
  }

  @Override
  public void sendFailed() {
    failures.increment();
  }

  @Override
  public void settled(DeliveryState state, Duration latency) {
    commands(state).increment();
    if (latency != null) {
      ackLatency.record(latency);
    }
  }

  @Override
  public void ackIgnored(String why) {
    Counter.builder("vorlauf.setpoint.acks.ignored")
        .description("acks that changed no state: repeated, late, unknown, failed")
        .tag("why", why)
        .register(registry)
        .increment();
  }

  @Override
  public void unreadableAck() {
    unreadable.increment();
  }

  @Override
  public void inFlight(long commands) {
    inFlight.set(commands);
  }
}
