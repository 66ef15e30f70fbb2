package de.vorlauf.webadmin.workflows;

import java.util.Optional;

/**
 * A workflow type's short domain summary on the workflow explorer's detail page (what this ETL,
 * training, rollout or optimisation did). A type registers one by being an {@code
 * ApplicationScoped} bean implementing this interface; the explorer needs no code for it, and a
 * type without one is shown all the same, only without a summary.
 */
public interface WorkflowSummary {

  /** The workflow type it summarises, e.g. {@code NightlyEtlWorkflow}. */
  String workflowType();

  /**
   * A sentence or two for people; empty when there is nothing to say yet.
   *
   * @param run the execution: its status, its result once it completed, its queries while a worker
   *     answers
   */
  Optional<String> summarize(Run run);

  /** What a summary may read of one execution. */
  interface Run {

    /** RUNNING, COMPLETED, FAILED, CANCELED, TERMINATED, CONTINUED_AS_NEW, TIMED_OUT. */
    String status();

    /** The result of a completed run, converted as the SDK does; empty otherwise. */
    <T> Optional<T> result(Class<T> type);

    /** A query's answer; empty when the run is closed and no worker answered in a few seconds. */
    <T> Optional<T> query(String queryType, Class<T> type);
  }
}
