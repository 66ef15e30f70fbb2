package de.vorlauf.simulator.cloud;

import java.util.Random;

/**
 * Decides per request whether the cloud misbehaves. One seeded generator for the whole server, so
 * the same request sequence meets the same faults; under concurrency the order, and so the exact
 * requests hit, varies, but the rates hold.
 */
final class FaultDice {

  enum Fault {
    NONE(0, null),
    HOLD_THEN_504(504, "GATEWAY_TIMEOUT"),
    HOLD_THEN_CLOSE(0, null),
    ERROR_500(500, "INTERNAL_SERVER_ERROR"),
    ERROR_502(502, "BAD_GATEWAY"),
    ERROR_503(503, "SERVICE_UNAVAILABLE");

    final int status;
    final String error;

    Fault(int status, String error) {
      this.status = status;
      this.error = error;
    }

    boolean holds() {
      return this == HOLD_THEN_504 || this == HOLD_THEN_CLOSE;
    }
  }

  private static final Fault[] ERRORS = {Fault.ERROR_500, Fault.ERROR_502, Fault.ERROR_503};

  private final double timeoutRate;
  private final double serverErrorRate;
  private final Random random;

  FaultDice(CloudFaults faults) {
    this.timeoutRate = faults.timeoutRate();
    this.serverErrorRate = faults.serverErrorRate();
    this.random = new Random(faults.seed());
  }

  synchronized Fault roll() {
    if (timeoutRate > 0 && random.nextDouble() < timeoutRate) {
      return random.nextBoolean() ? Fault.HOLD_THEN_504 : Fault.HOLD_THEN_CLOSE;
    }
    if (serverErrorRate > 0 && random.nextDouble() < serverErrorRate) {
      return ERRORS[random.nextInt(ERRORS.length)];
    }
    return Fault.NONE;
  }
}
