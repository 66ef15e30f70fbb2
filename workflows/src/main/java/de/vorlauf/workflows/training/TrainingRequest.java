package de.vorlauf.workflows.training;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What a training run is asked to do, from the weekly schedule or an operator's "train now". A null
 * field takes its default, so the schedule's input stays valid when defaults change.
 *
 * @param from start of the window (whole UTC hour); with {@code to}, or both null for the last
 *     {@code lastDays} days before the run's start hour
 * @param to end of the window (exclusive, whole UTC hour)
 * @param lastDays window length when {@code from}/{@code to} are null; default {@value
 *     #DEFAULT_LAST_DAYS}
 * @param buildingIds empty or null: every active building
 * @param horizonHours 1..24, default 1
 * @param hiddenLayers widths of the hidden layers, default 32-32
 * @param epochs at most this many epochs, default {@value #DEFAULT_EPOCHS}
 * @param learningRate Adam's step size, default 1e-3
 * @param seed default 42
 * @param requestedBy who asked: {@code schedule …} or the operator's name (a tag of the run)
 */
public record TrainingRequest(
    Instant from,
    Instant to,
    Integer lastDays,
    List<String> buildingIds,
    Integer horizonHours,
    List<Integer> hiddenLayers,
    Integer epochs,
    Double learningRate,
    Long seed,
    String requestedBy) {

  public static final int DEFAULT_LAST_DAYS = 56;
  public static final int MAX_DAYS = 366;
  public static final int DEFAULT_HORIZON = 1;
  public static final List<Integer> DEFAULT_LAYERS = List.of(32, 32);
  public static final int DEFAULT_EPOCHS = 30;
  public static final double DEFAULT_LEARNING_RATE = 1e-3;
  public static final long DEFAULT_SEED = 42;

  public TrainingRequest {
    buildingIds = buildingIds == null ? List.of() : List.copyOf(buildingIds);
    hiddenLayers = hiddenLayers == null ? null : List.copyOf(hiddenLayers);
  }

  /** The weekly schedule's input: the last {@code days} days, every default. */
  public static TrainingRequest scheduled(int days, String scheduleId) {
    return new TrainingRequest(
        null, null, days, List.of(), null, null, null, null, null, "schedule " + scheduleId);
  }

  /**
   * What is wrong with the request, in words an operator can act on; empty when it can run. The
   * same checks refuse a "train now" with 400 before anything starts and fail a workflow that was
   * started anyway, without retries.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if ((from == null) != (to == null)) {
      problems.add("from and to are given together or not at all");
    }
    if (from != null && to != null) {
      if (!from.equals(from.truncatedTo(ChronoUnit.HOURS))
          || !to.equals(to.truncatedTo(ChronoUnit.HOURS))) {
        problems.add("from and to must be whole UTC hours");
      }
      if (!from.isBefore(to)) {
        problems.add("from must be before to");
      } else if (Duration.between(from, to).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
        problems.add("the window is longer than " + MAX_DAYS + " days");
      } else if (Duration.between(from, to).compareTo(Duration.ofDays(7)) < 0) {
        problems.add("the window must be at least 7 days (train, validation and holdout)");
      }
    }
    if (lastDays != null && (lastDays < 7 || lastDays > MAX_DAYS)) {
      problems.add("lastDays must be 7.." + MAX_DAYS + ": " + lastDays);
    }
    if (horizonHours != null && (horizonHours < 1 || horizonHours > 24)) {
      problems.add("horizonHours must be 1..24: " + horizonHours);
    }
    if (hiddenLayers != null
        && (hiddenLayers.isEmpty()
            || hiddenLayers.size() > 8
            || hiddenLayers.stream().anyMatch(w -> w == null || w < 1 || w > 1024))) {
      problems.add("hiddenLayers: 1 to 8 widths of 1..1024");
    }
    if (epochs != null && (epochs < 1 || epochs > 1000)) {
      problems.add("epochs must be 1..1000: " + epochs);
    }
    if (learningRate != null && !(learningRate > 0 && learningRate < 1)) {
      problems.add("learningRate must be in (0, 1): " + learningRate);
    }
    if (buildingIds.stream().anyMatch(id -> id == null || id.isBlank())) {
      problems.add("buildingIds must not contain blank ids");
    }
    return problems;
  }

  /**
   * The run's parameters with defaults filled in and the window fixed.
   *
   * @param startHour the run's start, for a window of the last days: its whole hour ends the window
   */
  public TrainingJob resolve(String workflowId, String workflowRunId, Instant startHour) {
    Instant end = to != null ? to : startHour.truncatedTo(ChronoUnit.HOURS);
    Instant start =
        from != null
            ? from
            : end.minus(Duration.ofDays(lastDays == null ? DEFAULT_LAST_DAYS : lastDays));
    return new TrainingJob(
        workflowId,
        workflowRunId,
        start,
        end,
        buildingIds,
        horizonHours == null ? DEFAULT_HORIZON : horizonHours,
        hiddenLayers == null ? DEFAULT_LAYERS : hiddenLayers,
        epochs == null ? DEFAULT_EPOCHS : epochs,
        learningRate == null ? DEFAULT_LEARNING_RATE : learningRate,
        seed == null ? DEFAULT_SEED : seed,
        requestedBy == null ? "unknown" : requestedBy);
  }
}
