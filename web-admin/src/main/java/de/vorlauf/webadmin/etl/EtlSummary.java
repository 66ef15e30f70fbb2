package de.vorlauf.webadmin.etl;

import de.vorlauf.webadmin.workflows.WorkflowSummary;
import de.vorlauf.workflows.etl.BuildingDayFailure;
import de.vorlauf.workflows.etl.EtlMode;
import de.vorlauf.workflows.etl.EtlProgress;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The ETL's line on the workflow explorer: building-days done and failed, the first failure. */
@ApplicationScoped
public class EtlSummary implements WorkflowSummary {

  @Override
  public String workflowType() {
    return EtlService.WORKFLOW_TYPE;
  }

  @Override
  public Optional<String> summarize(Run run) {
    return run.result(EtlProgress.class)
        .or(() -> run.query(EtlService.PROGRESS_QUERY, EtlProgress.class))
        .map(EtlSummary::text);
  }

  static String text(EtlProgress p) {
    String what = p.mode() == EtlMode.NIGHTLY ? "Nightly run" : "Backfill";
    StringBuilder text =
        new StringBuilder(what)
            .append(p.finished() ? " finished: " : " so far: ")
            .append(p.done() + p.failed())
            .append(" of ")
            .append(p.total())
            .append(" building-days handled, ")
            .append(p.done())
            .append(" written, ")
            .append(p.failed())
            .append(" failed.");
    if (!p.failures().isEmpty()) {
      BuildingDayFailure first = p.failures().get(0);
      text.append(" First failure: ")
          .append(first.buildingId())
          .append(first.day() == null ? "" : " on " + first.day())
          .append(": ")
          .append(first.error());
    }
    return text.toString();
  }
}
