package de.vorlauf.webadmin.workflows;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registered {@link WorkflowSummary} beans, by workflow type. */
@ApplicationScoped
public class WorkflowSummaries {

  private static final Logger LOG = LoggerFactory.getLogger(WorkflowSummaries.class);

  @Inject Instance<WorkflowSummary> summaries;

  /** The types that registered a summary: the explorer offers them in its type filter. */
  public SortedSet<String> types() {
    SortedSet<String> types = new TreeSet<>();
    summaries.forEach(s -> types.add(s.workflowType()));
    return types;
  }

  /**
   * The type's summary of this run; empty when it registered none or the summary failed (a summary
   * is a convenience: it never breaks the page).
   */
  public Optional<String> summarize(String workflowType, WorkflowSummary.Run run) {
    for (WorkflowSummary summary : summaries) {
      if (summary.workflowType().equals(workflowType)) {
        try {
          return summary.summarize(run);
        } catch (RuntimeException e) {
          LOG.debug("summary of {} failed", workflowType, e);
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
