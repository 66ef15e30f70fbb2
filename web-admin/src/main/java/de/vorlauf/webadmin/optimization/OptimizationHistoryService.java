package de.vorlauf.webadmin.optimization;

import de.vorlauf.persistence.ops.FleetRepository;
import de.vorlauf.persistence.optimization.OptimizationHistory;
import de.vorlauf.webadmin.common.InvalidInputException;
import de.vorlauf.webadmin.common.UnknownEntityException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The building page's optimisation history: checks the range and origin, then reads results,
 * predictions with measured heat, and setpoint commands ({@link OptimizationHistory}). Read-only.
 */
@ApplicationScoped
public class OptimizationHistoryService {

  /** The hourly portfolio run's origin: the page shows it unless another is asked for. */
  static final String DEFAULT_ORIGIN = "hourly";

  static final Duration DEFAULT_RANGE = Duration.ofHours(48);

  /** An hourly origin gives 744 results in 31 days: one page load, one chart. */
  static final Duration MAX_RANGE = Duration.ofDays(31);

  // the format optimization_results.origin is checked against (V150)
  private static final Pattern ORIGIN = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  @Inject OptimizationHistory history;
  @Inject FleetRepository fleet;

  private final Clock clock = Clock.systemUTC();

  /**
   * @param from ISO-8601 instant with offset; default {@code to} − 48 h
   * @param to ISO-8601 instant with offset; default now
   * @param origin default {@code hourly}, or the first origin with results when it has none
   * @throws InvalidInputException for an unreadable, reversed or too long range or a bad origin
   * @throws UnknownEntityException for a building not registered
   */
  public OptimizationHistoryDto history(String buildingId, String from, String to, String origin)
      throws SQLException {
    Instant end = blank(to) ? clock.instant() : instant("to", to);
    Instant start = blank(from) ? end.minus(DEFAULT_RANGE) : instant("from", from);
    if (!start.isBefore(end)) {
      throw new InvalidInputException(
          "from", "from (" + start + ") must be before to (" + end + ")");
    }
    if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
      throw new InvalidInputException(
          "to",
          "from..to spans "
              + Duration.between(start, end).toHours()
              + " h, more than the "
              + MAX_RANGE.toDays()
              + " days one request may show: choose a shorter range");
    }
    if (!blank(origin) && !ORIGIN.matcher(origin.strip()).matches()) {
      throw new InvalidInputException(
          "origin", "origin '" + origin + "' is no origin name (such as hourly or closed-loop)");
    }
    if (!fleet.buildingExists(buildingId)) {
      throw new UnknownEntityException("building", buildingId);
    }
    List<String> origins = history.origins(buildingId, start, end);
    String chosen = chosenOrigin(origin, origins);
    List<OptimizationHistory.Result> results = history.results(buildingId, chosen, start, end);
    List<OptimizationHistory.Command> commands = history.commands(buildingId, start, end);
    Map<String, Long> fallbacks = new TreeMap<>();
    results.stream()
        .filter(r -> r.fallback() != null)
        .forEach(r -> fallbacks.merge(r.fallback(), 1L, Long::sum));
    Map<String, Long> deliveries = new TreeMap<>();
    commands.forEach(c -> deliveries.merge(c.state(), 1L, Long::sum));
    return new OptimizationHistoryDto(
        buildingId,
        start,
        end,
        chosen,
        origins,
        MAX_RANGE.toSeconds(),
        results,
        history.heat(buildingId, chosen, start, end),
        commands,
        fallbacks,
        deliveries);
  }

  static String chosenOrigin(String asked, List<String> available) {
    if (!blank(asked)) {
      return asked.strip();
    }
    return available.contains(DEFAULT_ORIGIN) || available.isEmpty()
        ? DEFAULT_ORIGIN
        : available.get(0);
  }

  private static Instant instant(String field, String value) {
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          field,
          field + " '" + value + "' is not ISO-8601 with a zone offset, e.g. 2026-12-01T00:00:00Z");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
