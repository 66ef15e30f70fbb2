package de.vorlauf.persistence.workflow;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * The workflow_launches table: which workflows were started from the admin UI, by whom. Works in
 * the caller's transaction on the {@link EntityManager} it is given; reads also run without one.
 */
public class WorkflowLaunchRepository {

  private final EntityManager em;

  public WorkflowLaunchRepository(EntityManager em) {
    this.em = em;
  }

  /** Flushes at once, so that a database that is down fails here, before anything else. */
  public void record(WorkflowLaunch launch) {
    em.persist(launch);
    em.flush();
  }

  /** The latest launches, newest first. */
  public List<WorkflowLaunch> recent(int limit) {
    return em.createQuery(
            "select l from WorkflowLaunch l order by l.startedAt desc", WorkflowLaunch.class)
        .setMaxResults(limit)
        .getResultList();
  }

  /** The latest launches of one workflow type, newest first. */
  public List<WorkflowLaunch> recent(String workflowType, int limit) {
    return em.createQuery(
            "select l from WorkflowLaunch l where l.workflowType = :type order by l.startedAt desc",
            WorkflowLaunch.class)
        .setParameter("type", workflowType)
        .setMaxResults(limit)
        .getResultList();
  }

  public Optional<WorkflowLaunch> find(String workflowId) {
    return Optional.ofNullable(em.find(WorkflowLaunch.class, workflowId));
  }
}
