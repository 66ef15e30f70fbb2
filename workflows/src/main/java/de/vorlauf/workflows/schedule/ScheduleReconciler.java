package de.vorlauf.workflows.schedule;

import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleAlreadyRunningException;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleHandle;
import io.temporal.client.schedules.ScheduleListDescription;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.ScheduleUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Makes Temporal's schedules match the declarations, idempotently, for a worker at start: a missing
 * schedule is created, one whose declaration changed is updated (its pause state, which belongs to
 * the operators, kept), an unchanged one is left alone, and one that no declaration names any more
 * is reported, not deleted (an operator decides; it may belong to a newer worker in a rolling
 * upgrade).
 *
 * <p>Several workers starting at once do not race: a create that finds the schedule existing (
 * {@link ScheduleAlreadyRunningException}, Temporal allows one schedule per id) falls back to the
 * update path, and the update is a compare-and-update ({@link ScheduleHandle#update} sends the
 * conflict token of the description it compared against; a concurrent change fails it, and it is
 * compared again).
 *
 * <p>Connection-level code for the worker process, not for workflow code.
 */
public final class ScheduleReconciler {

  /** What happened to one schedule. */
  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    /** Exists in Temporal under our prefix, declared nowhere: left alone, reported. */
    NOT_DECLARED,
    FAILED
  }

  /**
   * @param scheduleId the Temporal schedule id
   * @param detail what failed, or the declaration's timing in words
   */
  public record Result(String scheduleId, Outcome outcome, String detail) {}

  private static final int ATTEMPTS = 3;

  private final ScheduleClient client;
  private final String idPrefix;

  /**
   * @param idPrefix {@link VorlaufSchedules#ID_PREFIX} in production; tests use their own so they
   *     do not see each other's schedules
   */
  public ScheduleReconciler(ScheduleClient client, String idPrefix) {
    this.client = client;
    this.idPrefix = idPrefix;
  }

  public String scheduleId(ScheduleDeclaration declaration) {
    return idPrefix + declaration.id();
  }

  /** Reconciles every declaration, then lists what exists but is not declared. */
  public List<Result> reconcile(List<ScheduleDeclaration> declarations) {
    List<Result> results = new ArrayList<>();
    for (ScheduleDeclaration declaration : declarations) {
      results.add(reconcile(declaration));
    }
    Set<String> declared = declarations.stream().map(this::scheduleId).collect(Collectors.toSet());
    try {
      for (String id : existingIds()) {
        if (!declared.contains(id)) {
          results.add(
              new Result(id, Outcome.NOT_DECLARED, "no declaration names it; left as it is"));
        }
      }
    } catch (RuntimeException e) {
      results.add(new Result(idPrefix + "*", Outcome.FAILED, "cannot list schedules: " + e));
    }
    return results;
  }

  /** The ids of the schedules under our prefix (Temporal's visibility: may lag a moment). */
  public List<String> existingIds() {
    try (var stream = client.listSchedules(100)) {
      return stream
          .map(ScheduleListDescription::getScheduleId)
          .filter(id -> id.startsWith(idPrefix))
          .sorted()
          .toList();
    }
  }

  public Result reconcile(ScheduleDeclaration declaration) {
    String id = scheduleId(declaration);
    Schedule desired = TemporalSchedules.schedule(id, declaration);
    RuntimeException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        client.createSchedule(id, desired, ScheduleOptions.newBuilder().build());
        return new Result(id, Outcome.CREATED, declaration.words());
      } catch (ScheduleAlreadyRunningException exists) {
        // another worker or an earlier start created it: compare and update
      }
      try {
        return new Result(id, update(id, declaration, desired), declaration.words());
      } catch (RuntimeException e) {
        if (TemporalSchedules.isNotFound(e)) {
          continue; // deleted between our create and update: create again
        }
        last = e; // most likely a concurrent update changed the conflict token: compare again
      }
    }
    return new Result(id, Outcome.FAILED, String.valueOf(last));
  }

  private Outcome update(String id, ScheduleDeclaration declaration, Schedule desired) {
    AtomicReference<Outcome> outcome = new AtomicReference<>(Outcome.UNCHANGED);
    client
        .getHandle(id)
        .update(
            input -> {
              String current =
                  TemporalSchedules.actionMemo(
                          input.getDescription(), VorlaufSchedules.MEMO_FINGERPRINT)
                      .orElse("");
              if (current.equals(declaration.fingerprint())) {
                outcome.set(Outcome.UNCHANGED);
                return null;
              }
              outcome.set(Outcome.UPDATED);
              // the pause state and its note are the operators': keep them
              return new ScheduleUpdate(
                  Schedule.newBuilder(desired)
                      .setState(input.getDescription().getSchedule().getState())
                      .build());
            });
    return outcome.get();
  }
}
