package de.vorlauf.webadmin.workflows;

import com.google.protobuf.Timestamp;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import java.time.Duration;
import java.time.Instant;

/** Temporal history events to a type, a time and a few words a person can read. */
public final class HistoryMapper {

  private static final String PREFIX = "EVENT_TYPE_";

  private HistoryMapper() {}

  public static HistoryDto.Event toDto(HistoryEvent event) {
    String type = event.getEventType().name();
    return new HistoryDto.Event(
        event.getEventId(),
        type.startsWith(PREFIX) ? type.substring(PREFIX.length()) : type,
        instant(event.getEventTime()),
        summary(event));
  }

  static String summary(HistoryEvent event) {
    if (event.hasWorkflowExecutionStartedEventAttributes()) {
      var a = event.getWorkflowExecutionStartedEventAttributes();
      return a.getWorkflowType().getName() + " on task queue " + a.getTaskQueue().getName();
    }
    if (event.hasActivityTaskScheduledEventAttributes()) {
      var a = event.getActivityTaskScheduledEventAttributes();
      return a.getActivityType().getName() + " (activity " + a.getActivityId() + ")";
    }
    if (event.hasActivityTaskStartedEventAttributes()) {
      var a = event.getActivityTaskStartedEventAttributes();
      return "attempt " + a.getAttempt() + " by " + a.getIdentity();
    }
    if (event.hasActivityTaskCompletedEventAttributes()) {
      return "for event " + event.getActivityTaskCompletedEventAttributes().getScheduledEventId();
    }
    if (event.hasActivityTaskFailedEventAttributes()) {
      return failure(event.getActivityTaskFailedEventAttributes().getFailure());
    }
    if (event.hasActivityTaskTimedOutEventAttributes()) {
      return failure(event.getActivityTaskTimedOutEventAttributes().getFailure());
    }
    if (event.hasTimerStartedEventAttributes()) {
      var timeout = event.getTimerStartedEventAttributes().getStartToFireTimeout();
      return "fires after " + Duration.ofSeconds(timeout.getSeconds(), timeout.getNanos());
    }
    if (event.hasWorkflowTaskStartedEventAttributes()) {
      return "by " + event.getWorkflowTaskStartedEventAttributes().getIdentity();
    }
    if (event.hasWorkflowExecutionFailedEventAttributes()) {
      return failure(event.getWorkflowExecutionFailedEventAttributes().getFailure());
    }
    if (event.hasWorkflowExecutionTerminatedEventAttributes()) {
      return event.getWorkflowExecutionTerminatedEventAttributes().getReason();
    }
    return "";
  }

  private static String failure(Failure failure) {
    String message = failure.getMessage();
    while (failure.hasCause()) {
      failure = failure.getCause();
      message = message + ": " + failure.getMessage();
    }
    return message;
  }

  private static Instant instant(Timestamp time) {
    return Instant.ofEpochSecond(time.getSeconds(), time.getNanos());
  }
}
