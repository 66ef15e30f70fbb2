package de.vorlauf.workflows;

/** Names of the task queues workers poll. Business code refers to these, never to literals. */
public final class TaskQueues {

  /** Platform workflows and activities: the self-check, later schedules and housekeeping. */
  public static final String PLATFORM = "vorlauf-platform";

  /**
   * Model training (the heat-demand forecast): its own queue so that a separate worker process can
   * take it and a long training never starves ingestion and the platform's activities.
   */
  public static final String TRAINING = "vorlauf-training";

  private TaskQueues() {}
}
