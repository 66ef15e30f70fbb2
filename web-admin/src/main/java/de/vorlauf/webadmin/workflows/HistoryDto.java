package de.vorlauf.webadmin.workflows;

import java.time.Instant;
import java.util.List;

/** GET /api/v1/workflows/{id}/history. */
public record HistoryDto(String workflowId, List<Event> events, String temporalUiUrl) {

  /**
   * @param type e.g. ACTIVITY_TASK_SCHEDULED
   * @param summary a few words on what happened (activity type, failure message ...), may be empty
   */
  public record Event(long id, String type, Instant time, String summary) {}
}
