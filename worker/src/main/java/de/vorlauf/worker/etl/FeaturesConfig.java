package de.vorlauf.worker.etl;

import de.vorlauf.domain.config.EnvReader;
import de.vorlauf.domain.config.FeaturesVars;
import de.vorlauf.domain.features.HolidayCalendar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The feature matrix's configuration: retention of {@code building_features} and the holiday
 * calendar of its holiday flag.
 *
 * @param holidaysSource the file the calendar came from, or "default (Germany)"
 */
public record FeaturesConfig(Duration retention, HolidayCalendar holidays, String holidaysSource) {

  public FeaturesConfig {
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(holidays, "holidays");
  }

  public static FeaturesConfig defaults() {
    return new FeaturesConfig(
        FeaturesVars.RETENTION.defaultValue(), HolidayCalendar.germany(), "default (Germany)");
  }

  /** Records a problem (naming the variable) in {@code env} instead of throwing. */
  public static FeaturesConfig read(EnvReader env) {
    Duration retention = env.get(FeaturesVars.RETENTION);
    Path file = env.find(FeaturesVars.HOLIDAYS_FILE).orElse(null);
    if (file == null) {
      return new FeaturesConfig(retention, HolidayCalendar.germany(), "default (Germany)");
    }
    String name = FeaturesVars.HOLIDAYS_FILE.name();
    try {
      return new FeaturesConfig(
          retention,
          HolidayCalendar.parse(Files.readAllLines(file, StandardCharsets.UTF_8)),
          file.toString());
    } catch (IOException e) {
      env.problem("%s=%s: cannot read the file (%s)".formatted(name, file, e.getMessage()));
    } catch (IllegalArgumentException e) {
      env.problem("%s=%s: %s".formatted(name, file, e.getMessage()));
    }
    return new FeaturesConfig(retention, HolidayCalendar.germany(), "default (Germany)");
  }

  @Override
  public String toString() {
    return "retention " + retention + ", holidays " + holidaysSource;
  }
}
