package de.vorlauf.workflows;

/** Names of the task queues workers poll. Business code refers to these, never to literals. */
public final class TaskQueues {

  /** Platform workflows and activities: the self-check, later schedules and housekeeping. */
  public static final String PLATFORM = "vorlauf-platform";

  private TaskQueues() {}
}
