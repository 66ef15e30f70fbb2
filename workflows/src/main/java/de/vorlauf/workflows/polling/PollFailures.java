package de.vorlauf.workflows.polling;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TimeoutFailure;
import java.util.Locale;

/** Reads a failed activity: a sentence for the status, and the progress it made before. */
final class PollFailures {

  private PollFailures() {}

  static boolean cancelled(Throwable failure) {
    return failure instanceof CanceledFailure
        || (failure instanceof ActivityFailure && failure.getCause() instanceof CanceledFailure);
  }

  static String describe(Throwable failure) {
    if (!(failure instanceof ActivityFailure activity)) {
      return failure.getMessage();
    }
    return reason(activity.getCause()) + " (" + retries(activity) + ")";
  }

  /** The committed progress a failed poll reported, or null. */
  static PollResult progress(Throwable failure) {
    Throwable cause = failure instanceof ActivityFailure ? failure.getCause() : failure;
    try {
      if (cause instanceof ApplicationFailure application
          && application.getDetails().getSize() > 0) {
        return application.getDetails().get(0, PollResult.class);
      }
      if (cause instanceof TimeoutFailure timeout
          && timeout.getLastHeartbeatDetails().getSize() > 0) {
        return timeout.getLastHeartbeatDetails().get(0, PollResult.class);
      }
    } catch (RuntimeException unreadable) {
      // details of another shape: the cursor stays where it was, a re-poll yields duplicates
    }
    return null;
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
      case RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED -> "gave up after its retries";
      case RETRY_STATE_NON_RETRYABLE_FAILURE -> "not retryable";
      case RETRY_STATE_TIMEOUT -> "gave up: out of time for retries";
      default ->
          failure.getRetryState().name().replace("RETRY_STATE_", "").toLowerCase(Locale.ROOT);
    };
  }
}
