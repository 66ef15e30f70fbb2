package de.vorlauf.domain.config;

import static de.vorlauf.domain.config.ReadBy.WORKER;

import java.time.Duration;
import java.util.List;

/** Tracked setpoint delivery: the worker's dispatcher that resends and expires commands. */
public final class SetpointVars {

  public static final EnvVar<Duration> RESEND =
      EnvVar.duration("VORLAUF_SETPOINT_RESEND", "PT1S")
          .byDefault("PT60S")
          .readBy(WORKER)
          .means(
              "a setpoint command sent without an acknowledgement is sent again after this long,"
                  + " until the device acknowledges it or its valid_until passes");

  public static final EnvVar<Duration> DISPATCH_INTERVAL =
      EnvVar.duration("VORLAUF_SETPOINT_DISPATCH_INTERVAL", "PT0.1S")
          .byDefault("PT5S")
          .readBy(WORKER)
          .means(
              "how often the setpoint dispatcher looks for commands to resend or expire (a resend"
                  + " is late by at most this)");

  public static final List<EnvVar<?>> ALL = List.of(RESEND, DISPATCH_INTERVAL);

  private SetpointVars() {}
}
