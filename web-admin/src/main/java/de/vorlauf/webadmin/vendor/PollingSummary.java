package de.vorlauf.webadmin.vendor;

import de.vorlauf.webadmin.workflows.WorkflowSummary;
import de.vorlauf.workflows.vendor.InstallationStatus;
import de.vorlauf.workflows.vendor.PollingStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * A vendor polling run's line on the workflow explorer: rounds, installations and how many fail,
 * readings stored (from its {@code status} query while it polls, from its result once stopped).
 */
@ApplicationScoped
public class PollingSummary implements WorkflowSummary {

  @Override
  public String workflowType() {
    return "IngestionPollingWorkflow";
  }

  @Override
  public Optional<String> summarize(Run run) {
    return run.result(PollingStatus.class)
        .or(() -> run.query("status", PollingStatus.class))
        .map(PollingSummary::text);
  }

  static String text(PollingStatus s) {
    long failing =
        s.installations().stream()
            .filter(i -> InstallationStatus.FAILING.equals(i.state()))
            .count();
    long stored = s.installations().stream().mapToLong(InstallationStatus::readingsStored).sum();
    return "Integration "
        + s.integrationId()
        + (s.paused() ? " (paused)" : "")
        + ": "
        + s.rounds()
        + " rounds, "
        + s.installations().size()
        + " installations ("
        + failing
        + " failing), "
        + stored
        + " readings stored."
        + (s.lastRoundError() == null ? "" : " Last round: " + s.lastRoundError());
  }
}
