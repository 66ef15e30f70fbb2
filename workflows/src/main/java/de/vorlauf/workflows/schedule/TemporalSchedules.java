package de.vorlauf.workflows.schedule;

import de.vorlauf.domain.schedule.Overlap;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleSpec;
import io.temporal.client.schedules.ScheduleState;
import io.temporal.common.converter.EncodedValues;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link ScheduleDeclaration} as a Temporal Schedule, and back the little the platform needs. */
public final class TemporalSchedules {

  private TemporalSchedules() {}

  /** The Temporal Schedule of a declaration, created paused when it is declared so. */
  public static Schedule schedule(String scheduleId, ScheduleDeclaration declaration) {
    ScheduleSpec.Builder spec = ScheduleSpec.newBuilder();
    if (declaration.timing().isInterval()) {
      spec.setIntervals(List.of(new ScheduleIntervalSpec(declaration.timing().interval())));
    } else {
      spec.setCronExpressions(List.of(declaration.timing().cron()))
          .setTimeZoneName(declaration.timing().zone().getId());
    }
    return Schedule.newBuilder()
        .setAction(
            ScheduleActionStartWorkflow.newBuilder()
                .setWorkflowType(declaration.workflowType())
                .setArguments(declaration.input())
                .setOptions(
                    WorkflowOptions.newBuilder()
                        // Temporal appends the run's scheduled time to this
                        .setWorkflowId(scheduleId + "-run")
                        .setTaskQueue(declaration.taskQueue())
                        .setWorkflowRunTimeout(declaration.runTimeout())
                        .setMemo(
                            Map.of(
                                VorlaufSchedules.MEMO_SCHEDULE, declaration.id(),
                                VorlaufSchedules.MEMO_FINGERPRINT, declaration.fingerprint(),
                                VorlaufSchedules.MEMO_WORDS, declaration.words()))
                        .build())
                .build())
        .setSpec(spec.build())
        .setPolicy(
            SchedulePolicy.newBuilder()
                .setOverlap(overlapPolicy(declaration.overlap()))
                .setCatchupWindow(declaration.catchupWindow())
                .build())
        .setState(
            ScheduleState.newBuilder()
                .setPaused(declaration.pausedByDefault())
                .setNote(declaration.pausedByDefault() ? "paused by default (declared so)" : "")
                .build())
        .build();
  }

  public static ScheduleOverlapPolicy overlapPolicy(Overlap overlap) {
    return switch (overlap) {
      case SKIP -> ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP;
      case BUFFER_ONE -> ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_BUFFER_ONE;
      case BUFFER_ALL -> ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_BUFFER_ALL;
      case CANCEL_OTHER -> ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_CANCEL_OTHER;
      case TERMINATE_OTHER -> ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_TERMINATE_OTHER;
      case ALLOW_ALL -> ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_ALLOW_ALL;
    };
  }

  /**
   * A memo value of the schedule's start-workflow action, e.g. {@link VorlaufSchedules#MEMO_WORDS}.
   */
  public static Optional<String> actionMemo(ScheduleDescription description, String key) {
    if (!(description.getSchedule().getAction() instanceof ScheduleActionStartWorkflow action)
        || action.getOptions() == null
        || action.getOptions().getMemo() == null) {
      return Optional.empty();
    }
    Object value = action.getOptions().getMemo().get(key);
    if (value instanceof EncodedValues encoded) {
      return Optional.ofNullable(encoded.get(0, String.class));
    }
    return value instanceof String text ? Optional.of(text) : Optional.empty();
  }

  /** Temporal answered NOT_FOUND somewhere in the cause chain (no such schedule or workflow). */
  public static boolean isNotFound(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException status
          && status.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return true;
      }
    }
    return false;
  }
}
