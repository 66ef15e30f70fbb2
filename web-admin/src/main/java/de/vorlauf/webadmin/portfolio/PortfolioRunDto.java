package de.vorlauf.webadmin.portfolio;

import de.vorlauf.persistence.portfolio.PortfolioRun;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One portfolio optimisation run for the portfolio page.
 *
 * @param state {@code RUNNING}, {@code COMPLETED} or {@code FAILED}, as stored
 * @param stalled a RUNNING run whose last progress ({@code updatedAt}) is older than {@link
 *     PortfolioService#STALLED_AFTER}: shown as "no progress since …", not as running
 * @param handled done + fallback + skipped + failed
 * @param durationSeconds start to finish, or to the last progress while it runs
 * @param workflowPath the run on the Workflows page
 */
public record PortfolioRunDto(
    long id,
    String workflowId,
    String runId,
    Instant asOf,
    String origin,
    String state,
    boolean stalled,
    int buildingsTotal,
    int handled,
    int done,
    int fallback,
    int skipped,
    int failed,
    Map<String, Long> fallbackReasons,
    Instant startedAt,
    Instant updatedAt,
    Instant finishedAt,
    long durationSeconds,
    String error,
    String workflowPath) {

  static PortfolioRunDto of(PortfolioRun r, Instant now, Duration stalledAfter) {
    boolean running = "RUNNING".equals(r.state());
    boolean stalled = running && r.updatedAt().isBefore(now.minus(stalledAfter));
    Instant end =
        r.finishedAt() != null ? r.finishedAt() : running && !stalled ? now : r.updatedAt();
    return new PortfolioRunDto(
        r.id(),
        r.workflowId(),
        r.runId(),
        r.asOf(),
        r.origin(),
        r.state(),
        stalled,
        r.buildingsTotal(),
        r.handled(),
        r.done(),
        r.fallback(),
        r.skipped(),
        r.failed(),
        r.fallbackReasons(),
        r.startedAt(),
        r.updatedAt(),
        r.finishedAt(),
        Math.max(0, Duration.between(r.startedAt(), end).toSeconds()),
        r.error(),
        "/workflows/" + pathSegment(r.workflowId()) + "?run=" + pathSegment(r.runId()));
  }

  private static String pathSegment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
