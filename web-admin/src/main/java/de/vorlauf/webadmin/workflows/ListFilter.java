package de.vorlauf.webadmin.workflows;

import de.vorlauf.webadmin.common.InvalidInputException;
import de.vorlauf.workflows.search.BuildingSearchAttribute;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The workflow explorer's filter as a Temporal visibility query. Every value is checked against a
 * pattern without quotes before it goes into the query text, so no input can change the query.
 *
 * @param type a workflow type, e.g. NightlyEtlWorkflow; null for all
 * @param status an execution status as the API names it (RUNNING, COMPLETED ...); null for all
 * @param from executions started at or after this; null for no bound
 * @param to executions started at or before this; null for no bound
 * @param buildingId per-building workflows of this building ({@link BuildingSearchAttribute})
 */
public record ListFilter(String type, String status, Instant from, Instant to, String buildingId) {

  private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9_.$-]{1,200}");
  private static final Pattern BUILDING = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

  /** The API's status names and the visibility query's. */
  static final Map<String, String> STATUSES =
      Map.of(
          "RUNNING", "Running",
          "COMPLETED", "Completed",
          "FAILED", "Failed",
          "CANCELED", "Canceled",
          "TERMINATED", "Terminated",
          "CONTINUED_AS_NEW", "ContinuedAsNew",
          "TIMED_OUT", "TimedOut");

  /**
   * @throws InvalidInputException naming the field whose value is not allowed
   */
  public static ListFilter of(
      String type, String status, String from, String to, String buildingId) {
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    String t = blankToNull(type);
    if (t != null && !TYPE.matcher(t).matches()) {
      errors.add(
          new InvalidInputException.FieldError(
              "type", "a workflow type consists of letters, digits, '_', '.', '$' or '-'"));
    }
    String s = blankToNull(status);
    if (s != null) {
      s = s.toUpperCase(Locale.ROOT);
      if (!STATUSES.containsKey(s)) {
        errors.add(
            new InvalidInputException.FieldError(
                "status",
                "status is one of "
                    + String.join(", ", STATUSES.keySet().stream().sorted().toList())));
      }
    }
    Instant f = instant("from", from, errors);
    Instant u = instant("to", to, errors);
    if (f != null && u != null && u.isBefore(f)) {
      errors.add(new InvalidInputException.FieldError("to", "'to' lies before 'from'"));
    }
    String b = blankToNull(buildingId);
    if (b != null && !BUILDING.matcher(b).matches()) {
      errors.add(
          new InvalidInputException.FieldError(
              "building", "a building id consists of letters, digits, '.', '_', ':' or '-'"));
    }
    if (!errors.isEmpty()) {
      throw InvalidInputException.ofFields(errors);
    }
    return new ListFilter(t, s, f, u, b);
  }

  /** The visibility query, "" for every execution. */
  public String query() {
    List<String> terms = new ArrayList<>();
    if (type != null) {
      terms.add("WorkflowType = '" + type + "'");
    }
    if (status != null) {
      terms.add("ExecutionStatus = '" + STATUSES.get(status) + "'");
    }
    if (from != null) {
      terms.add("StartTime >= '" + from + "'");
    }
    if (to != null) {
      terms.add("StartTime <= '" + to + "'");
    }
    if (buildingId != null) {
      terms.add(BuildingSearchAttribute.NAME + " = '" + buildingId + "'");
    }
    return String.join(" AND ", terms);
  }

  private static Instant instant(
      String field, String text, List<InvalidInputException.FieldError> errors) {
    String value = blankToNull(text);
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(
          new InvalidInputException.FieldError(
              field, field + " is not an instant like 2026-05-01T00:00:00Z: " + value));
      return null;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
