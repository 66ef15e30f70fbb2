package de.vorlauf.domain.training;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A time-based split of a training window into train, validation and holdout, in that order, with a
 * gap between neighbours. A sample belongs to a part when its target hour lies wholly inside it, so
 * no target of one part is closer than {@code gap} to a target of the next: the hour-to-hour
 * autocorrelation of heat demand cannot leak from train into validation or holdout. Inputs of a
 * later part may reach back into an earlier part's hours: that history is known when the forecast
 * is issued, as in serving.
 *
 * <p>Boundaries are whole UTC hours.
 */
public record TimeSplit(Segment train, Segment validation, Segment holdout, Duration gap) {

  /** Where a sample belongs. */
  public enum Part {
    TRAIN,
    VALIDATION,
    HOLDOUT,
    /** in a gap: used by no part */
    NONE
  }

  /** A half-open range {@code [from, to)}. */
  public record Segment(Instant from, Instant to) {
    public Segment {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (!from.isBefore(to)) {
        throw new IllegalArgumentException("empty segment " + from + " .. " + to);
      }
    }

    /** The target hour {@code [hour, hour + 1 h)} lies wholly inside. */
    public boolean containsHour(Instant hour) {
      return !hour.isBefore(from) && !hour.plus(Duration.ofHours(1)).isAfter(to);
    }
  }

  /**
   * Splits {@code [from, to)}: the window less two gaps is shared out, the holdout and the
   * validation get their fractions (rounded down to whole hours, at least one hour each), the train
   * part the rest, which must be the largest.
   */
  public static TimeSplit of(
      Instant from, Instant to, double validationFraction, double holdoutFraction, Duration gap) {
    if (!from.equals(from.truncatedTo(ChronoUnit.HOURS))
        || !to.equals(to.truncatedTo(ChronoUnit.HOURS))) {
      throw new IllegalArgumentException("the window must start and end on whole UTC hours");
    }
    if (gap.isNegative() || gap.toMinutes() % 60 != 0) {
      throw new IllegalArgumentException("the gap must be whole hours, not negative: " + gap);
    }
    if (!(validationFraction > 0)
        || !(holdoutFraction > 0)
        || validationFraction + holdoutFraction >= 0.5) {
      throw new IllegalArgumentException(
          "validation and holdout fractions must be > 0 and leave more than half for training");
    }
    long usableHours = Duration.between(from, to).minus(gap.multipliedBy(2)).toHours();
    long holdoutHours = Math.max(1, (long) Math.floor(usableHours * holdoutFraction));
    long validationHours = Math.max(1, (long) Math.floor(usableHours * validationFraction));
    long trainHours = usableHours - holdoutHours - validationHours;
    if (trainHours <= validationHours + holdoutHours) {
      throw new IllegalArgumentException(
          "window too short for two gaps of " + gap + ": " + usableHours + " usable hours");
    }
    Instant trainEnd = from.plus(Duration.ofHours(trainHours));
    Instant validationStart = trainEnd.plus(gap);
    Instant validationEnd = validationStart.plus(Duration.ofHours(validationHours));
    Instant holdoutStart = validationEnd.plus(gap);
    return new TimeSplit(
        new Segment(from, trainEnd),
        new Segment(validationStart, validationEnd),
        new Segment(holdoutStart, to),
        gap);
  }

  /** The part of the sample whose target hour starts at {@code targetHour}. */
  public Part partOf(Instant targetHour) {
    if (train.containsHour(targetHour)) {
      return Part.TRAIN;
    }
    if (validation.containsHour(targetHour)) {
      return Part.VALIDATION;
    }
    if (holdout.containsHour(targetHour)) {
      return Part.HOLDOUT;
    }
    return Part.NONE;
  }
}
