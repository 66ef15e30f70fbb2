package de.vorlauf.webadmin.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.temporal.api.common.v1.ActivityType;
import io.temporal.api.common.v1.WorkflowType;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.ActivityTaskFailedEventAttributes;
import io.temporal.api.history.v1.ActivityTaskScheduledEventAttributes;
import io.temporal.api.history.v1.ActivityTaskStartedEventAttributes;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.TimerFiredEventAttributes;
import io.temporal.api.history.v1.TimerStartedEventAttributes;
import io.temporal.api.history.v1.WorkflowExecutionSignaledEventAttributes;
import io.temporal.api.history.v1.WorkflowExecutionStartedEventAttributes;
import io.temporal.api.history.v1.WorkflowExecutionTerminatedEventAttributes;
import io.temporal.api.history.v1.WorkflowTaskScheduledEventAttributes;
import io.temporal.api.taskqueue.v1.TaskQueue;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

  @Test
  void eventsBecomeThingsThatHappenedWithTheirOutcomeAndDuration() {
    List<HistoryEvent> events =
        List.of(
            event(1, 0, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED)
                .setWorkflowExecutionStartedEventAttributes(
                    WorkflowExecutionStartedEventAttributes.newBuilder()
                        .setWorkflowType(WorkflowType.newBuilder().setName("NightlyEtlWorkflow"))
                        .setTaskQueue(TaskQueue.newBuilder().setName("vorlauf-platform"))
                        .setAttempt(1))
                .build(),
            event(2, 0, EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED)
                .setWorkflowTaskScheduledEventAttributes(
                    WorkflowTaskScheduledEventAttributes.getDefaultInstance())
                .build(),
            event(5, 1_000, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                .setActivityTaskScheduledEventAttributes(
                    ActivityTaskScheduledEventAttributes.newBuilder()
                        .setActivityId("7")
                        .setActivityType(ActivityType.newBuilder().setName("ProcessBatch")))
                .build(),
            event(6, 1_500, EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
                .setActivityTaskStartedEventAttributes(
                    ActivityTaskStartedEventAttributes.newBuilder()
                        .setScheduledEventId(5)
                        .setAttempt(3))
                .build(),
            event(7, 4_250, EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED)
                .setActivityTaskFailedEventAttributes(
                    ActivityTaskFailedEventAttributes.newBuilder()
                        .setScheduledEventId(5)
                        .setFailure(
                            Failure.newBuilder()
                                .setMessage("batch failed")
                                .setCause(Failure.newBuilder().setMessage("db down"))))
                .build(),
            event(8, 5_000, EventType.EVENT_TYPE_TIMER_STARTED)
                .setTimerStartedEventAttributes(
                    TimerStartedEventAttributes.newBuilder()
                        .setTimerId("t1")
                        .setStartToFireTimeout(
                            com.google.protobuf.Duration.newBuilder().setSeconds(60)))
                .build(),
            event(9, 6_000, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
                .setWorkflowExecutionSignaledEventAttributes(
                    WorkflowExecutionSignaledEventAttributes.newBuilder()
                        .setSignalName("pause")
                        .setIdentity("ops"))
                .build(),
            event(10, 65_000, EventType.EVENT_TYPE_TIMER_FIRED)
                .setTimerFiredEventAttributes(
                    TimerFiredEventAttributes.newBuilder().setTimerId("t1").setStartedEventId(8))
                .build(),
            event(11, 70_000, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED)
                .setWorkflowExecutionTerminatedEventAttributes(
                    WorkflowExecutionTerminatedEventAttributes.newBuilder()
                        .setReason("stuck")
                        .setIdentity("vorlauf-admin:admin"))
                .build());

    List<ExecutionDetailDto.TimelineEntry> timeline = Timeline.of(events);

    assertThat(timeline)
        .extracting(
            ExecutionDetailDto.TimelineEntry::kind,
            ExecutionDetailDto.TimelineEntry::name,
            ExecutionDetailDto.TimelineEntry::status,
            ExecutionDetailDto.TimelineEntry::durationMillis)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "workflow", "NightlyEtlWorkflow", "terminated", 70_000L),
            org.assertj.core.groups.Tuple.tuple("activity", "ProcessBatch", "failed", 3_250L),
            org.assertj.core.groups.Tuple.tuple("timer", "timer t1", "fired", 60_000L),
            org.assertj.core.groups.Tuple.tuple("signal", "pause", "received", null));
    assertThat(timeline.get(1).attempt()).isEqualTo(3);
    assertThat(timeline.get(1).detail()).contains("activity 7", "batch failed: db down");
    assertThat(timeline.get(1).lastEventId()).isEqualTo(7);
    assertThat(timeline.get(0).detail()).contains("stuck (by vorlauf-admin:admin)");
  }

  private static HistoryEvent.Builder event(long id, long millis, EventType type) {
    long at = 1_767_607_200_000L + millis;
    return HistoryEvent.newBuilder()
        .setEventId(id)
        .setEventType(type)
        .setEventTime(
            Timestamp.newBuilder().setSeconds(at / 1000).setNanos((int) (at % 1000) * 1_000_000));
  }
}
