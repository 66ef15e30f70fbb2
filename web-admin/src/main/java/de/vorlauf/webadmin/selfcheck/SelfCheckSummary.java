package de.vorlauf.webadmin.selfcheck;

import de.vorlauf.webadmin.workflows.WorkflowSummary;
import de.vorlauf.workflows.selfcheck.ProbeResult;
import de.vorlauf.workflows.selfcheck.SelfCheckReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The self-check's line on the workflow explorer: which probes passed, which did not and why. */
@ApplicationScoped
public class SelfCheckSummary implements WorkflowSummary {

  @Override
  public String workflowType() {
    return SelfCheckService.WORKFLOW_TYPE;
  }

  @Override
  public Optional<String> summarize(Run run) {
    return run.result(SelfCheckReport.class).map(SelfCheckSummary::text);
  }

  static String text(SelfCheckReport report) {
    List<ProbeResult> failed = report.probes().stream().filter(p -> !p.ok()).toList();
    if (failed.isEmpty()) {
      return "All " + report.probes().size() + " probes passed.";
    }
    return failed.size()
        + " of "
        + report.probes().size()
        + " probes failed: "
        + String.join("; ", failed.stream().map(p -> p.name() + " (" + p.detail() + ")").toList())
        + ".";
  }
}
