package de.vorlauf.domain.optimization;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a real deployment knows about a building at {@code asOf}: its measured past, nothing else.
 * Simulator internals (envelope, emitter design, thermal mass, weather model) never enter here.
 *
 * @param asOf the instant the optimisation is for; nothing at or after it was read
 * @param history the hours before {@code asOf}, oldest first (up to a week; gaps allowed)
 */
public record BuildingState(Instant asOf, List<HourObservation> history) {

  public BuildingState {
    Objects.requireNonNull(asOf, "asOf");
    history = List.copyOf(history);
  }

  /** The newest hour, if any. */
  public HourObservation latest() {
    return history.isEmpty() ? null : history.get(history.size() - 1);
  }
}
