package de.vorlauf.workflows.vendor;

import de.vorlauf.workflows.ActivityFailures;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TimeoutFailure;

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
    // the poll activities' attempts differ (4, 20): the sentence does not name a number
    return ActivityFailures.describe(activity, "gave up after its retries");
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
}
