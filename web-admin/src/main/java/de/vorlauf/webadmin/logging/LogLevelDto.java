package de.vorlauf.webadmin.logging;

import de.vorlauf.persistence.logging.LogLevelSetting;
import java.time.Instant;

/**
 * A level an admin set: {@code target} worker or wildfly, the logger ({@code ROOT} for all), the
 * level, who set it and when.
 */
public record LogLevelDto(String target, String logger, String level, String setBy, Instant setAt) {

  static LogLevelDto of(LogLevelSetting setting) {
    return new LogLevelDto(
        setting.target().code(),
        setting.logger(),
        setting.level(),
        setting.setBy(),
        setting.setAt());
  }
}
