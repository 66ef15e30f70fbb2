package de.vorlauf.ingest.progress;

import de.vorlauf.domain.ingest.Lane;
import de.vorlauf.persistence.ingest.LaneProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Judges ingestion from what every ingesting process published to {@code ingest_progress}: per lane
 * the readings queued and messages in flight summed over the processes, the worst lag and the
 * longest stall. A lane is behind when its queue or (live lane) its lag is over the threshold, or
 * its messages wait unacknowledged longer than the stall time. The words name the numbers, e.g.
 * "live lane 95,000 readings queued (limit 10,000), lag 4 min (limit 2 min)".
 *
 * <p>Readings a broker still holds for a worker are not counted in the queue (no worker knows
 * them); they show in the lag, which grows while they wait.
 */
public final class IngestProgressCheck {

  /**
   * One lane over every fresh report.
   *
   * @param lagSeconds the worst of each process's last lag or stall, null before any commit
   */
  public record LaneSummary(
      Lane lane,
      int processes,
      long queuedReadings,
      long inFlight,
      Double lagSeconds,
      long stalledSeconds,
      List<String> unsubscribed,
      List<String> problems) {

    public boolean ok() {
      return problems.isEmpty();
    }

    /** e.g. "95,000 readings queued, 4,000 messages in flight, lag 4 min". */
    public String words() {
      StringBuilder words =
          new StringBuilder(
              "%s readings queued, %s messages in flight"
                  .formatted(count(queuedReadings), count(inFlight)));
      words.append(
          lagSeconds == null ? ", nothing committed yet" : ", lag " + duration(lagSeconds));
      if (stalledSeconds > 0) {
        words.append(", nothing acknowledged for ").append(duration(stalledSeconds));
      }
      if (!unsubscribed.isEmpty()) {
        words.append(", not subscribed on ").append(String.join(", ", unsubscribed));
      }
      return words.toString();
    }
  }

  /**
   * @param ok every lane within its thresholds and at least one process reporting
   * @param detail the verdict in words and numbers
   * @param lanes live, then backlog; empty when no process reported
   * @param processes processes with a fresh report
   */
  public record Verdict(boolean ok, String detail, List<LaneSummary> lanes, int processes) {}

  private final IngestionThresholds thresholds;

  public IngestProgressCheck(IngestionThresholds thresholds) {
    this.thresholds = thresholds;
  }

  public IngestionThresholds thresholds() {
    return thresholds;
  }

  /**
   * @param rows reports of the last while (stale ones are mentioned, not counted)
   * @param now the reader's clock
   */
  public Verdict evaluate(List<LaneProgress> rows, Instant now) {
    Instant freshSince = now.minus(thresholds.freshFor());
    List<LaneProgress> fresh =
        rows.stream().filter(r -> !r.reportedAt().isBefore(freshSince)).toList();
    TreeSet<String> processes = new TreeSet<>();
    fresh.forEach(r -> processes.add(r.processId()));
    if (fresh.isEmpty()) {
      Optional<LaneProgress> last =
          rows.stream().max(Comparator.comparing(LaneProgress::reportedAt));
      return new Verdict(
          false,
          "no ingesting process reported in the last %d s%s: is a worker running?"
              .formatted(
                  thresholds.freshFor().toSeconds(),
                  last.map(
                          r ->
                              " (last report from %s %s ago)"
                                  .formatted(
                                      r.processId(),
                                      duration(
                                          Duration.between(r.reportedAt(), now).toMillis()
                                              / 1000.0)))
                      .orElse("")),
          List.of(),
          0);
    }
    List<LaneSummary> lanes = new ArrayList<>();
    for (Lane lane : Lane.values()) {
      lanes.add(summarise(lane, fresh.stream().filter(r -> r.lane().equals(lane.code())).toList()));
    }
    boolean ok = lanes.stream().allMatch(LaneSummary::ok);
    String reporting =
        processes.size() == 1
            ? "1 process reporting (" + processes.first() + ")"
            : processes.size() + " processes reporting";
    StringBuilder detail = new StringBuilder(ok ? "ingestion keeps up: " : "ingestion behind: ");
    List<String> parts = new ArrayList<>();
    for (LaneSummary lane : lanes) {
      parts.add(
          lane.lane().code()
              + " lane "
              + (lane.ok() ? lane.words() : String.join(", ", lane.problems())));
    }
    detail.append(String.join("; ", parts)).append(" — ").append(reporting);
    return new Verdict(ok, detail.toString(), lanes, processes.size());
  }

  private LaneSummary summarise(Lane lane, List<LaneProgress> rows) {
    long queued = 0;
    long inFlight = 0;
    Double lag = null;
    long stalled = 0;
    List<String> unsubscribed = new ArrayList<>();
    for (LaneProgress row : rows) {
      queued += row.queuedReadings();
      inFlight += row.inFlight();
      stalled = Math.max(stalled, row.stalledSeconds());
      // messages waiting unacknowledged are at least that old when they commit
      Double rowLag =
          row.lagSeconds() == null && row.stalledSeconds() == 0
              ? null
              : Math.max(
                  row.lagSeconds() == null ? 0 : row.lagSeconds(), (double) row.stalledSeconds());
      if (rowLag != null) {
        lag = lag == null ? rowLag : Math.max(lag, rowLag);
      }
      if (Boolean.FALSE.equals(row.subscribed())) {
        unsubscribed.add(row.processId());
      }
    }
    List<String> problems = new ArrayList<>();
    long queuedMax = lane == Lane.LIVE ? thresholds.liveQueuedMax() : thresholds.backlogQueuedMax();
    if (queued > queuedMax) {
      problems.add("%s readings queued (limit %s)".formatted(count(queued), count(queuedMax)));
    }
    if (lane == Lane.LIVE && lag != null && lag > thresholds.liveLagMax().toMillis() / 1000.0) {
      problems.add(
          "lag %s (limit %s)"
              .formatted(duration(lag), duration(thresholds.liveLagMax().toMillis() / 1000.0)));
    }
    if (stalled > thresholds.stallMax().toSeconds()) {
      problems.add(
          "%s messages in flight, none acknowledged for %s"
              .formatted(count(inFlight), duration(stalled)));
    }
    if (!unsubscribed.isEmpty()) {
      problems.add("not subscribed on " + String.join(", ", unsubscribed));
    }
    return new LaneSummary(
        lane,
        rows.size(),
        queued,
        inFlight,
        lag,
        stalled,
        List.copyOf(unsubscribed),
        List.copyOf(problems));
  }

  /** 10,234,000 */
  public static String count(long n) {
    return String.format(Locale.ENGLISH, "%,d", n);
  }

  /** 0.4 s, 12 min, 3 h 12 min, 2 d 4 h. */
  public static String duration(double seconds) {
    if (seconds < 90) {
      return String.format(Locale.ENGLISH, "%.1f s", seconds);
    }
    long total = Math.round(seconds);
    long minutes = total / 60;
    if (minutes < 90) {
      return minutes + " min";
    }
    long hours = minutes / 60;
    if (hours < 48) {
      return hours + " h " + (minutes % 60) + " min";
    }
    return (hours / 24) + " d " + (hours % 24) + " h";
  }
}
