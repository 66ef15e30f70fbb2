package de.vorlauf.workflows;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import java.util.Locale;

/**
 * Turns a failed activity into a sentence for a status or report: the reason, then what the retries
 * came to, e.g. "connection refused (gave up after 3 attempts)". Deterministic, so workflow code
 * may call it.
 */
public final class ActivityFailures {

  private ActivityFailures() {}

  /**
   * @param exhausted what to say when the retry policy's attempts ran out, e.g. "gave up after 3
   *     attempts"
   */
  public static String describe(ActivityFailure failure, String exhausted) {
    return reason(failure.getCause()) + " (" + retries(failure, exhausted) + ")";
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

  private static String retries(ActivityFailure failure, String exhausted) {
    return switch (failure.getRetryState()) {
      case RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED -> exhausted;
      case RETRY_STATE_NON_RETRYABLE_FAILURE -> "not retryable";
      case RETRY_STATE_TIMEOUT -> "gave up: out of time for retries";
      default ->
          failure.getRetryState().name().replace("RETRY_STATE_", "").toLowerCase(Locale.ROOT);
    };
  }
}
