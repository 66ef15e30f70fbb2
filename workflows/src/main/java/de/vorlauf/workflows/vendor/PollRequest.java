package de.vorlauf.workflows.vendor;

import java.time.Instant;

/**
 * @param cursor poll readings strictly after this time
 */
public record PollRequest(String integrationId, String installationId, Instant cursor) {}
