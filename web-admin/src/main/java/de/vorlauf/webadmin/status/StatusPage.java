package de.vorlauf.webadmin.status;

import de.vorlauf.webadmin.config.AdminConfig;
import de.vorlauf.webadmin.probe.DatabaseStatusProbe;
import de.vorlauf.webadmin.probe.IngestionStatusProbe;
import de.vorlauf.webadmin.probe.ServiceCheck;
import de.vorlauf.webadmin.probe.StatusService;
import de.vorlauf.webadmin.probe.TemporalProbe;
import de.vorlauf.webadmin.temporal.TemporalUiLinks;
import de.vorlauf.webadmin.workflows.WorkflowRuns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What the status page shows: every service probed live, then ingestion over every worker (read
 * from the database once it answered), and the recent workflows, whose live status is looked up
 * only while Temporal answers.
 */
@ApplicationScoped
public class StatusPage {

  static final int RECENT = 10;

  @Inject StatusService status;
  @Inject IngestionStatusProbe ingestion;
  @Inject WorkflowRuns workflowRuns;
  @Inject TemporalUiLinks ui;
  @Inject AdminConfig config;

  private final Clock clock = Clock.systemUTC();

  public StatusDto now() {
    List<ServiceCheck> checks = new ArrayList<>(status.checkAll());
    boolean databaseUp =
        checks.stream()
            .anyMatch(check -> check.name().equals(DatabaseStatusProbe.NAME) && check.up());
    checks.add(
        databaseUp
            ? ingestion.check()
            : ServiceCheck.down(
                IngestionStatusProbe.NAME,
                "unknown: the workers publish their progress to the database, which does not"
                    + " answer"));
    List<ServiceDto> services =
        checks.stream().map(check -> StatusMapper.toDto(check, config.origins())).toList();
    boolean temporalUp =
        checks.stream().anyMatch(check -> check.name().equals(TemporalProbe.NAME) && check.up());
    WorkflowRuns.Listing recent = workflowRuns.list(RECENT, temporalUp);
    return new StatusDto(
        clock.instant(),
        checks.stream().allMatch(ServiceCheck::up),
        services,
        recent.runs(),
        recent.problem(),
        ui.base().map(URI::toString).orElse(null),
        LauncherProcesses.read(config.supervisionFile()));
  }
}
