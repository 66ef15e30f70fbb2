package de.vorlauf.webadmin.workflows;

import java.time.Instant;
import java.util.List;

/**
 * GET /api/v1/workflows: one page of executions, newest first.
 *
 * @param visibility false on a server without visibility queries (the in-JVM test server): then
 *     {@code items} is empty, {@code problem} says so, and executions are found by workflow id
 * @param nextPageToken the token for the next page, null on the last
 * @param knownTypes the workflow types the type filter offers (those with a registered summary and
 *     those on this page)
 * @param server the Temporal server's kind in words, null when Temporal does not answer
 * @param problem why there are no items (no visibility, Temporal down), else null
 */
public record ExecutionListDto(
    boolean visibility,
    List<Item> items,
    String nextPageToken,
    List<String> knownTypes,
    String server,
    String problem) {

  /** One execution (one run of a workflow id). */
  public record Item(
      String workflowId,
      String runId,
      String type,
      String status,
      Instant startedAt,
      Instant closedAt,
      String taskQueue,
      String buildingId,
      long historyLength) {}
}
