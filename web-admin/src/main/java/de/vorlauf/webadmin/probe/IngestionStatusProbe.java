package de.vorlauf.webadmin.probe;

import de.vorlauf.ingest.progress.IngestProgressCheck;
import de.vorlauf.ingest.progress.IngestionThresholds;
import de.vorlauf.persistence.ingest.IngestProgressStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Ingestion over every worker, for the status page: per lane the readings queued, messages in
 * flight and lag in words and numbers, from what the workers publish to {@code ingest_progress}
 * (the worker card shows only the one worker VORLAUF_WORKER_HEALTH_URL points at). Down, saying
 * why, when a lane is behind by the self-check's thresholds (VORLAUF_SELFCHECK_*) or no worker
 * reports.
 *
 * <p>Not one of the parallel {@link Probe}s: {@link de.vorlauf.webadmin.status.StatusPage} asks it
 * after the database probe answered, so it reuses that connection instead of opening a second one
 * at the same moment, and a dead database is reported once, by its own card.
 */
@ApplicationScoped
public class IngestionStatusProbe {

  public static final String NAME = "ingestion";

  @Resource(lookup = "java:jboss/datasources/VorlaufDS")
  DataSource dataSource;

  @Inject IngestionThresholds thresholds;

  private final Clock clock = Clock.systemUTC();
  private IngestProgressCheck check;

  @PostConstruct
  void judgeByTheThresholds() {
    check = new IngestProgressCheck(thresholds);
  }

  public ServiceCheck check() {
    long begin = System.nanoTime();
    Instant now = clock.instant();
    try {
      IngestProgressCheck.Verdict verdict =
          check.evaluate(
              new IngestProgressStore(dataSource).since(now.minus(Duration.ofHours(1))), now);
      return new ServiceCheck(
          NAME,
          verdict.ok(),
          verdict.detail(),
          (System.nanoTime() - begin) / 1_000_000,
          facts(verdict),
          List.of());
    } catch (SQLException | RuntimeException e) {
      return ServiceCheck.down(
          NAME, "cannot read the workers' ingest progress: " + Failures.describe(e));
    }
  }

  static Map<String, String> facts(IngestProgressCheck.Verdict verdict) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("workers reporting", Integer.toString(verdict.processes()));
    for (IngestProgressCheck.LaneSummary lane : verdict.lanes()) {
      facts.put(
          lane.lane().code() + " lane",
          lane.ok() ? lane.words() : lane.words() + " — " + String.join(", ", lane.problems()));
    }
    return facts;
  }
}
