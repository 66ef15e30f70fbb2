package de.vorlauf.persistence.logging;

import java.time.Instant;

/** One row of {@code log_level} (V80): the level a kind of process applies to one logger. */
public record LogLevelSetting(
    LogTarget target, String logger, String level, String setBy, Instant setAt) {}
