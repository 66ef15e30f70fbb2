package de.vorlauf.webadmin.vendor;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code PUT /api/v1/integrations/{id}/interval}.
 *
 * @param interval ISO-8601 duration between polling rounds, e.g. PT30S
 */
public record IntervalInput(
    @NotBlank(message = "interval is required, e.g. {\"interval\":\"PT30S\"}")
        @Pattern(
            regexp = "P(T(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?|\\d+D(T(\\d+H)?(\\d+M)?(\\d+S)?)?)",
            message = "interval must be an ISO-8601 duration such as PT30S, PT5M or PT1H")
        String interval) {}
