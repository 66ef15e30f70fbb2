package de.vorlauf.worker.it;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;

/** A workflow whose only activity takes a while: for the graceful-shutdown test. */
@WorkflowInterface
public interface SlowWorkflow {

  @WorkflowMethod
  String run(long activityMillis);

  @ActivityInterface
  interface SlowActivities {
    /** Sleeps, then returns "done"; not idempotent-relevant (no side effects). */
    String work(long millis);
  }

  class Impl implements SlowWorkflow {
    private final SlowActivities activities =
        Workflow.newActivityStub(
            SlowActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(1))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());

    @Override
    public String run(long activityMillis) {
      return activities.work(activityMillis);
    }
  }
}
