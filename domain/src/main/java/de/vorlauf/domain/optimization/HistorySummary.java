package de.vorlauf.domain.optimization;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the optimiser needs to know about a building's history apart from the emitter model.
 *
 * @param meanQuality mean data quality over the whole history (hours without a score count as 0)
 * @param recentQuality the same over the hours of the last {@link #RECENT}, an hour missing from
 *     the history counting as 0
 * @param maxHeatKw the largest hourly heat the building ever drew in the history
 * @param indoorMeasured whether an indoor temperature was measured within {@link #RECENT}
 * @param last the newest hour, if it ended at most {@link #LAST_HOUR_AGE} before {@code asOf}
 */
record HistorySummary(
    double meanQuality,
    double recentQuality,
    double maxHeatKw,
    boolean indoorMeasured,
    HourObservation last) {

  static final Duration RECENT = Duration.ofHours(24);

  /** The hourly run starts minutes past the hour: the previous hour is the last one. */
  static final Duration LAST_HOUR_AGE = Duration.ofHours(2);

  static HistorySummary of(BuildingState state) {
    List<HourObservation> history = state.history();
    Instant recentFrom = state.asOf().minus(RECENT);
    double qualitySum = 0;
    double recentSum = 0;
    int recentCount = 0;
    double maxHeat = 0;
    boolean indoor = false;
    for (HourObservation h : history) {
      double quality = Double.isFinite(h.quality()) ? h.quality() : 0;
      qualitySum += quality;
      if (!h.hour().isBefore(recentFrom)) {
        recentSum += quality;
        recentCount++;
        indoor |= Double.isFinite(h.indoorC());
      }
      if (Double.isFinite(h.heatPowerKw())) {
        maxHeat = Math.max(maxHeat, h.heatPowerKw());
      }
    }
    HourObservation latest = state.latest();
    boolean fresh = latest != null && !latest.hour().isBefore(state.asOf().minus(LAST_HOUR_AGE));
    return new HistorySummary(
        history.isEmpty() ? 0 : qualitySum / history.size(),
        recentSum / Math.max(recentCount, RECENT.toHours()),
        maxHeat,
        indoor,
        fresh ? latest : null);
  }
}
