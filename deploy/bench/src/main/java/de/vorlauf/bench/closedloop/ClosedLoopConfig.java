package de.vorlauf.bench.closedloop;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * One closed-loop run: the fleet, the simulated period and the history before it, and what trains
 * the model. Every option is a {@code key=value} argument of {@code deploy/vorlauf closed-loop}.
 *
 * @param buildings simulated buildings, publishing over MQTT (heating types mixed by the seed)
 * @param days the simulated period Vorlauf runs in, ending at {@code end}
 * @param historyDays baseline operation before the period: what the ETL and the model learn from
 * @param epochs training epochs of the heat-demand model
 * @param forecast {@code persistence} (the platform's own) or {@code noisy} ({@link
 *     NoisyForecast}): a second scenario, reported apart
 * @param end the period's end, a whole hour not after the real now (ingestion refuses the future)
 * @param stateDir services' state and the report
 */
public record ClosedLoopConfig(
    int buildings,
    int days,
    int historyDays,
    long seed,
    int epochs,
    String optimizer,
    String forecast,
    Instant end,
    Path stateDir) {

  /** The registered model and the alias the optimisation asks for. */
  public static final String MODEL = "heat-demand";

  public static final String ALIAS = "champion";

  public ClosedLoopConfig {
    if (buildings < 1 || days < 1 || epochs < 1) {
      throw new IllegalArgumentException("buildings, days and epochs must be positive");
    }
    // a training sample reads its demand a week before (the week-ago lag), and the training
    // window is at least 7 days: 8 days of lead-in (a partial first local day) and 7 to train on
    if (historyDays < 15) {
      throw new IllegalArgumentException("history-days must be at least 15: " + historyDays);
    }
    if (!optimizer.equals("platform") && !optimizer.equals("none")) {
      throw new IllegalArgumentException("optimizer must be platform or none: " + optimizer);
    }
    if (!forecast.equals("persistence") && !forecast.equals("noisy")) {
      throw new IllegalArgumentException("forecast must be persistence or noisy: " + forecast);
    }
    if (!end.equals(end.truncatedTo(ChronoUnit.HOURS))) {
      throw new IllegalArgumentException("the period ends at a whole hour: " + end);
    }
  }

  /**
   * {@code key=value} arguments over the defaults: 50 buildings, 14 days after 21 days of history,
   * seed 42, 20 epochs, the platform's optimiser; the period ends at the last whole hour.
   */
  public static ClosedLoopConfig parse(String[] args, Path stateDir, Instant now) {
    Map<String, String> values = keyValues(args);
    ClosedLoopConfig config =
        new ClosedLoopConfig(
            Integer.parseInt(values.getOrDefault("buildings", "50")),
            Integer.parseInt(values.getOrDefault("days", "14")),
            Integer.parseInt(values.getOrDefault("history-days", "21")),
            Long.parseLong(values.getOrDefault("seed", "42")),
            Integer.parseInt(values.getOrDefault("epochs", "20")),
            values.getOrDefault("optimizer", "platform"),
            values.getOrDefault("forecast", "persistence"),
            now.truncatedTo(ChronoUnit.HOURS),
            stateDir);
    values.keySet().removeAll(KEYS);
    if (!values.isEmpty()) {
      throw new IllegalArgumentException("unknown options " + values.keySet() + "; known: " + KEYS);
    }
    return config;
  }

  private static final java.util.Set<String> KEYS =
      java.util.Set.of(
          "buildings", "days", "history-days", "seed", "epochs", "optimizer", "forecast");

  public Instant periodStart() {
    return end.minus(Duration.ofDays(days));
  }

  public Instant historyStart() {
    return periodStart().minus(Duration.ofDays(historyDays));
  }

  /**
   * The training window's end: the start of the period's local day, the last day the history's ETL
   * completed (the holdout is the window's last days).
   */
  public Instant trainingEnd(java.time.ZoneId zone) {
    return LocalDate.ofInstant(periodStart(), zone).atStartOfDay(zone).toInstant();
  }

  /** The training window's start: at least a week after the history's start (the lags' reach). */
  public Instant trainingStart(java.time.ZoneId zone) {
    return trainingEnd(zone).minus(Duration.ofDays(historyDays - 8L));
  }

  /**
   * Whole days that move the period's middle to the 15th of January nearest to it in the weather
   * model (the simulator's weather at t is the model's at t + offset): the period is winter
   * whatever today's date, and the daily cycle stays on the clock.
   */
  public int seasonOffsetDays() {
    Instant middle = periodStart().plus(Duration.ofDays(days).dividedBy(2));
    LocalDate day = LocalDate.ofInstant(middle, ZoneOffset.UTC);
    long best = Long.MAX_VALUE;
    for (int year = day.getYear() - 1; year <= day.getYear() + 1; year++) {
      long offset = ChronoUnit.DAYS.between(day, LocalDate.of(year, 1, 15));
      if (Math.abs(offset) < Math.abs(best)) {
        best = offset;
      }
    }
    return (int) best;
  }

  /** The command line's {@code key=value} arguments (the closed loop's and the savings study's). */
  static Map<String, String> keyValues(String[] args) {
    Map<String, String> values = new TreeMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("arguments are key=value: " + arg);
      }
      values.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    return values;
  }
}
