package de.vorlauf.webadmin.optimization;

import de.vorlauf.persistence.optimization.OptimizationHistory;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The building page's optimisation history over {@code [from, to)}: the results of {@code origin}
 * (recommended against baseline flow, fallbacks with their causes), predicted against measured heat
 * per target hour, and the setpoint commands of every origin with their delivery state.
 *
 * @param origins the origins with results in the range, to choose from
 * @param fallbacks fallback cause → results of {@code origin} in the range
 * @param deliveries delivery state → commands in the range
 */
public record OptimizationHistoryDto(
    String buildingId,
    Instant from,
    Instant to,
    String origin,
    List<String> origins,
    long maxRangeSeconds,
    List<OptimizationHistory.Result> results,
    List<OptimizationHistory.HeatHour> heat,
    List<OptimizationHistory.Command> setpoints,
    Map<String, Long> fallbacks,
    Map<String, Long> deliveries) {}
