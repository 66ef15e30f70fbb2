package de.vorlauf.webadmin.buildingpage;

import java.time.Instant;

/**
 * How a range's 15-minute slots were obtained (see {@link
 * de.vorlauf.persistence.features.FeatureQuality}): counts, their sum is {@code slots}.
 */
public record QualityDto(
    String buildingId,
    Instant from,
    Instant to,
    long slots,
    long measured,
    long filled,
    long empty) {}
