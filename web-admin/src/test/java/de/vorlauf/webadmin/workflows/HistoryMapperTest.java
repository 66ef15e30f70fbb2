package de.vorlauf.webadmin.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.temporal.api.common.v1.ActivityType;
import io.temporal.api.common.v1.WorkflowType;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.ActivityTaskFailedEventAttributes;
import io.temporal.api.history.v1.ActivityTaskScheduledEventAttributes;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.WorkflowExecutionStartedEventAttributes;
import io.temporal.api.taskqueue.v1.TaskQueue;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HistoryMapperTest {

  private static final Timestamp TIME =
      Timestamp.newBuilder().setSeconds(1_767_607_200L).setNanos(5_000).build();

  @Test
  void startedEventNamesWorkflowTypeAndTaskQueue() {
    HistoryEvent event =
        HistoryEvent.newBuilder()
            .setEventId(1)
            .setEventTime(TIME)
            .setEventType(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED)
            .setWorkflowExecutionStartedEventAttributes(
                WorkflowExecutionStartedEventAttributes.newBuilder()
                    .setWorkflowType(WorkflowType.newBuilder().setName("PlatformSelfCheckWorkflow"))
                    .setTaskQueue(TaskQueue.newBuilder().setName("vorlauf-platform")))
            .build();

    HistoryDto.Event dto = HistoryMapper.toDto(event);

    assertThat(dto.id()).isEqualTo(1);
    assertThat(dto.type()).isEqualTo("WORKFLOW_EXECUTION_STARTED");
    assertThat(dto.time()).isEqualTo(Instant.ofEpochSecond(1_767_607_200L, 5_000));
    assertThat(dto.summary()).isEqualTo("PlatformSelfCheckWorkflow on task queue vorlauf-platform");
  }

  @Test
  void scheduledActivityIsNamed() {
    HistoryEvent event =
        HistoryEvent.newBuilder()
            .setEventId(5)
            .setEventTime(TIME)
            .setEventType(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
            .setActivityTaskScheduledEventAttributes(
                ActivityTaskScheduledEventAttributes.newBuilder()
                    .setActivityType(ActivityType.newBuilder().setName("ProbeDatabase"))
                    .setActivityId("1"))
            .build();

    assertThat(HistoryMapper.toDto(event).summary()).isEqualTo("ProbeDatabase (activity 1)");
  }

  @Test
  void failureShowsTheWholeCauseChain() {
    HistoryEvent event =
        HistoryEvent.newBuilder()
            .setEventId(7)
            .setEventTime(TIME)
            .setEventType(EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED)
            .setActivityTaskFailedEventAttributes(
                ActivityTaskFailedEventAttributes.newBuilder()
                    .setFailure(
                        Failure.newBuilder()
                            .setMessage("probe failed")
                            .setCause(Failure.newBuilder().setMessage("connection refused"))))
            .build();

    assertThat(HistoryMapper.toDto(event).summary()).isEqualTo("probe failed: connection refused");
  }

  @Test
  void eventsWithoutInterestingAttributesHaveAnEmptySummary() {
    HistoryEvent event =
        HistoryEvent.newBuilder()
            .setEventId(2)
            .setEventTime(TIME)
            .setEventType(EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED)
            .build();

    assertThat(HistoryMapper.toDto(event).type()).isEqualTo("WORKFLOW_TASK_SCHEDULED");
    assertThat(HistoryMapper.toDto(event).summary()).isEmpty();
  }
}
