package de.vorlauf.webadmin.selfcheck;

import de.vorlauf.persistence.workflow.WorkflowLaunch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The workflow_launches table: which workflows were started from the admin UI, by whom. */
@ApplicationScoped
public class WorkflowLaunchStore {

  @PersistenceContext(unitName = "vorlauf")
  EntityManager em;

  /** Flushes at once, so that a database that is down fails here, before anything else. */
  @Transactional
  public void record(WorkflowLaunch launch) {
    em.persist(launch);
    em.flush();
  }

  @Transactional
  public List<WorkflowLaunch> recent(int limit) {
    return em.createQuery(
            "select l from WorkflowLaunch l order by l.startedAt desc", WorkflowLaunch.class)
        .setMaxResults(limit)
        .getResultList();
  }

  @Transactional
  public Optional<WorkflowLaunch> find(String workflowId) {
    return Optional.ofNullable(em.find(WorkflowLaunch.class, workflowId));
  }
}
