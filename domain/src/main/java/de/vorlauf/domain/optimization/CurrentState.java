package de.vorlauf.domain.optimization;

import de.vorlauf.domain.sensor.SensorCatalogue;
import de.vorlauf.domain.sensor.SensorDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A client's snapshot of a building at one instant (the real-time endpoint's {@code
 * current_state}), and what it means for the optimiser: the platform's measured past up to {@code
 * timestamp} ({@code BuildingStates}) with the snapshot as its newest observation. The newest
 * observation is the hour {@code [h − 1 h, h)} where {@code h} is {@code timestamp} floored to the
 * hour, the hour the hourly run at {@code h} sees last: the snapshot's outdoor, flow and return
 * temperatures (and its indoor temperature when it carries one) replace that hour's means; the
 * hour's heat power and quality stay the platform's. Where the platform has no such hour, the
 * snapshot is that hour, without heat power and with quality 1. The heat-demand model's inputs are
 * not changed: it reads whole measured hours, as in training, never a single instant.
 *
 * @param indoorC NaN when the client does not measure it
 */
public record CurrentState(
    Instant timestamp, double outdoorC, double flowC, double returnC, double indoorC) {

  /** How far a client's clock may be ahead of the platform's. */
  public static final Duration MAX_SKEW = Duration.ofMinutes(2);

  /** How old a snapshot may be: an answer for an older one would be expired when it arrives. */
  public static final Duration MAX_AGE = Duration.ofHours(1);

  /** A broken rule, with the request field it concerns. */
  public record Problem(String field, String message) {}

  public CurrentState {
    Objects.requireNonNull(timestamp, "timestamp");
  }

  /**
   * The rules the snapshot breaks at {@code now}: a timestamp more than {@link #MAX_SKEW} ahead or
   * more than {@link #MAX_AGE} behind, temperatures that are not finite or outside the sensor
   * catalogue's physical range (the same bounds ingestion quarantines by).
   */
  public List<Problem> problems(Instant now) {
    List<Problem> problems = new ArrayList<>();
    if (timestamp.isAfter(now.plus(MAX_SKEW))) {
      problems.add(
          new Problem(
              "timestamp",
              "timestamp %s is in the future (now %s; clocks may differ by %d s at most)"
                  .formatted(timestamp, now, MAX_SKEW.toSeconds())));
    } else if (timestamp.isBefore(now.minus(MAX_AGE))) {
      problems.add(
          new Problem(
              "timestamp",
              "timestamp %s is older than %d minutes (now %s): send a current snapshot"
                  .formatted(timestamp, MAX_AGE.toMinutes(), now)));
    }
    range(problems, "outdoor_temp", "outdoor_temp", outdoorC);
    range(problems, "flow_temp", "vorlauf_temp_hk1", flowC);
    range(problems, "return_temp", "ruecklauf_temp_hk1", returnC);
    if (!Double.isNaN(indoorC)) {
      range(problems, "indoor_temp", "indoor_temp", indoorC);
    }
    return problems;
  }

  /** The state the optimiser sees: {@code platform} (read as of {@link #timestamp}) with this. */
  public BuildingState applyTo(BuildingState platform) {
    if (!platform.asOf().equals(timestamp)) {
      throw new IllegalArgumentException(
          "the platform's state is as of " + platform.asOf() + ", the snapshot " + timestamp);
    }
    Instant hour =
        Instant.ofEpochSecond(Math.floorDiv(timestamp.getEpochSecond(), 3600) * 3600 - 3600);
    List<HourObservation> history = new ArrayList<>(platform.history());
    HourObservation latest = platform.latest();
    if (latest != null && latest.hour().equals(hour)) {
      history.set(
          history.size() - 1,
          new HourObservation(
              hour,
              outdoorC,
              Double.isNaN(indoorC) ? latest.indoorC() : indoorC,
              flowC,
              returnC,
              latest.heatPowerKw(),
              latest.quality()));
    } else {
      history.add(new HourObservation(hour, outdoorC, indoorC, flowC, returnC, Double.NaN, 1.0));
    }
    return new BuildingState(timestamp, history);
  }

  private static void range(List<Problem> problems, String field, String sensor, double value) {
    SensorDefinition d = SensorCatalogue.standard().find(sensor).orElseThrow();
    if (!Double.isFinite(value)) {
      problems.add(new Problem(field, field + " must be a finite number of °C"));
    } else if (value < d.min() || value > d.max()) {
      problems.add(
          new Problem(
              field,
              "%s %.1f °C is outside the physical range %.0f..%.0f °C"
                  .formatted(field, value, d.min(), d.max())));
    }
  }
}
