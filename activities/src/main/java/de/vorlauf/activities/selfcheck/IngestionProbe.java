package de.vorlauf.activities.selfcheck;

import de.vorlauf.ingest.progress.IngestProgressCheck;
import de.vorlauf.persistence.ingest.LaneProgress;
import de.vorlauf.workflows.selfcheck.ProbeResult;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The self-check's ingestion probe: judges what every worker published to {@code ingest_progress}
 * rather than this worker's own counters, because Temporal runs the activity on any one of the
 * workers and the others' backlog would go unseen.
 */
public final class IngestionProbe {

  /** Where the reports come from: {@code ingest_progress} in production, a list in tests. */
  @FunctionalInterface
  public interface ProgressSource {
    List<LaneProgress> since(Instant since) throws SQLException;
  }

  /** Reports this old still name a worker that stopped reporting, older ones are ignored. */
  static final Duration LOOK_BACK = Duration.ofHours(1);

  private final ProgressSource source;
  private final IngestProgressCheck check;
  private final Clock clock;

  public IngestionProbe(ProgressSource source, IngestProgressCheck check, Clock clock) {
    this.source = source;
    this.check = check;
    this.clock = clock;
  }

  /**
   * @throws DatabaseProbeException when the reports cannot be read (retried)
   * @throws IllegalStateException when no process reported lately (retried: a worker that just
   *     started reports within a second or two)
   */
  public ProbeResult run() {
    Instant now = clock.instant();
    List<LaneProgress> rows;
    try {
      rows = source.since(now.minus(LOOK_BACK));
    } catch (SQLException e) {
      throw new DatabaseProbeException("cannot read ingest progress: " + SqlErrors.describe(e), e);
    }
    IngestProgressCheck.Verdict verdict = check.evaluate(rows, now);
    if (verdict.processes() == 0) {
      throw new IllegalStateException(verdict.detail());
    }
    return new ProbeResult(ProbeResult.INGESTION, verdict.ok(), verdict.detail(), null);
  }
}
