package de.vorlauf.webadmin.config;

import de.vorlauf.domain.config.EnvReader;
import de.vorlauf.domain.config.FeaturesVars;
import de.vorlauf.domain.config.OptimizationVars;
import de.vorlauf.domain.features.HolidayCalendar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What the real-time optimiser ({@code POST /api/v1/optimize}) shares with the worker's hourly run:
 * the ETL's holiday calendar (the model's off-day input) and the results' retention.
 *
 * @param holidaysSource the file the calendar came from, or "default (Germany)"
 */
public record RealtimeConfig(HolidayCalendar holidays, String holidaysSource, Duration retention) {

  public RealtimeConfig {
    Objects.requireNonNull(holidays, "holidays");
    Objects.requireNonNull(retention, "retention");
  }

  /**
   * @throws de.vorlauf.domain.config.ConfigException for a malformed value or an unreadable file,
   *     naming the variable (the worker refuses to start on the same)
   */
  public static RealtimeConfig fromEnvironment(Map<String, String> environment) {
    EnvReader env = new EnvReader(environment);
    Duration retention = env.get(OptimizationVars.RETENTION);
    Path file = env.find(FeaturesVars.HOLIDAYS_FILE).orElse(null);
    RealtimeConfig config =
        new RealtimeConfig(HolidayCalendar.germany(), "default (Germany)", retention);
    if (file != null) {
      try {
        config =
            new RealtimeConfig(
                HolidayCalendar.parse(Files.readAllLines(file, StandardCharsets.UTF_8)),
                file.toString(),
                retention);
      } catch (IOException | IllegalArgumentException e) {
        env.problem("%s=%s: %s".formatted(FeaturesVars.HOLIDAYS_FILE.name(), file, e.getMessage()));
      }
    }
    env.throwIfInvalid();
    return config;
  }

  @Override
  public String toString() {
    return "realtime: holidays " + holidaysSource + ", retention " + retention;
  }
}
