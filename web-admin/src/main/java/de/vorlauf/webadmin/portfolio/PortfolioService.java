package de.vorlauf.webadmin.portfolio;

import de.vorlauf.persistence.paging.PageRequest;
import de.vorlauf.persistence.portfolio.PortfolioRun;
import de.vorlauf.persistence.portfolio.PortfolioRunQueries;
import de.vorlauf.webadmin.common.InvalidInputException;
import de.vorlauf.webadmin.common.PageDto;
import de.vorlauf.webadmin.common.Paging;
import de.vorlauf.webadmin.common.UnknownEntityException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The portfolio page: the hourly optimisation's runs with progress and counts, and a run's
 * buildings that failed or were skipped. Read-only: the workflow writes the rows.
 */
@ApplicationScoped
public class PortfolioService {

  /**
   * A run that wrote no progress for this long is shown as stalled: the workflow writes after every
   * batch, and a batch of buildings takes seconds, so a quarter of an hour means it is stuck or its
   * worker is gone (the row stays RUNNING when a run is terminated without its last write).
   */
  static final Duration STALLED_AFTER = Duration.ofMinutes(15);

  private static final List<String> STATUSES = List.of("FAILED", "SKIPPED");

  @Inject PortfolioRunQueries runs;

  private final Clock clock = Clock.systemUTC();

  public PageDto<PortfolioRunDto> runs(PageRequest page) throws SQLException {
    Instant now = clock.instant();
    return Paging.toDto(runs.runs(page), r -> PortfolioRunDto.of(r, now, STALLED_AFTER));
  }

  /**
   * @throws UnknownEntityException for a run that does not exist
   */
  public PortfolioRunDto run(long id) throws SQLException {
    return PortfolioRunDto.of(find(id), clock.instant(), STALLED_AFTER);
  }

  /**
   * @param status {@code failed}, {@code skipped}, or null for both
   */
  public PageDto<PortfolioRun.Problem> problems(long id, String status, PageRequest page)
      throws SQLException {
    String wanted =
        status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
    if (wanted != null && !STATUSES.contains(wanted)) {
      throw new InvalidInputException(
          "status", "status must be failed or skipped, not '" + status + "'");
    }
    find(id);
    return Paging.toDto(runs.problems(id, wanted, page), p -> p);
  }

  private PortfolioRun find(long id) throws SQLException {
    return runs.run(id)
        .orElseThrow(() -> new UnknownEntityException("portfolio run", String.valueOf(id)));
  }
}
