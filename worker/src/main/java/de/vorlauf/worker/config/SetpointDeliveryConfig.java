package de.vorlauf.worker.config;

import de.vorlauf.domain.config.EnvReader;
import de.vorlauf.domain.config.SetpointVars;
import java.time.Duration;
import java.util.Objects;

/**
 * The worker's setpoint delivery ({@code VORLAUF_SETPOINT_*}).
 *
 * @param resend a command without an ack is sent again after this long
 * @param dispatchInterval time between the dispatcher's passes
 */
public record SetpointDeliveryConfig(Duration resend, Duration dispatchInterval) {

  public SetpointDeliveryConfig {
    Objects.requireNonNull(resend, "resend");
    Objects.requireNonNull(dispatchInterval, "dispatchInterval");
  }

  public static SetpointDeliveryConfig defaults() {
    return new SetpointDeliveryConfig(
        SetpointVars.RESEND.defaultValue(), SetpointVars.DISPATCH_INTERVAL.defaultValue());
  }

  static SetpointDeliveryConfig read(EnvReader env) {
    return new SetpointDeliveryConfig(
        env.get(SetpointVars.RESEND), env.get(SetpointVars.DISPATCH_INTERVAL));
  }
}
