package de.vorlauf.webadmin.logging;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code PUT /api/v1/log-levels/{logger}/{target}}.
 *
 * @param level TRACE, DEBUG, INFO, WARN, ERROR or OFF
 */
public record LevelInput(
    @NotBlank(message = "level is required, e.g. {\"level\":\"DEBUG\"}")
        @Pattern(
            regexp = "TRACE|DEBUG|INFO|WARN|ERROR|OFF",
            message = "level must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF")
        String level) {}
