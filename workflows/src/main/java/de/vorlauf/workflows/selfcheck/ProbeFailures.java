package de.vorlauf.workflows.selfcheck;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import java.util.Locale;

/** Turns an activity failure into a sentence for the self-check report. */
final class ProbeFailures {

  private ProbeFailures() {}

  static String describe(ActivityFailure failure) {
    return reason(failure.getCause()) + " (" + retries(failure) + ")";
  }

  private static String reason(Throwable cause) {
    if (cause instanceof ApplicationFailure application) {
      return application.getOriginalMessage();
    }
    if (cause instanceof TimeoutFailure timeout) {
      String kind = timeout.getTimeoutType().name().replace("TIMEOUT_TYPE_", "");
      return "timed out (" + kind.toLowerCase(Locale.ROOT).replace('_', '-') + ")";
    }
    return cause == null ? "failed" : cause.getMessage();
  }

  private static String retries(ActivityFailure failure) {
    return switch (failure.getRetryState()) {
      case RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED ->
          "gave up after " + PlatformSelfCheckWorkflowImpl.MAX_ATTEMPTS + " attempts";
      case RETRY_STATE_NON_RETRYABLE_FAILURE -> "not retryable";
      case RETRY_STATE_TIMEOUT -> "gave up: out of time for retries";
      default ->
          failure.getRetryState().name().replace("RETRY_STATE_", "").toLowerCase(Locale.ROOT);
    };
  }
}
