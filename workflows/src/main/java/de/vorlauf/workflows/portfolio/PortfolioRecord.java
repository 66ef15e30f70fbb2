package de.vorlauf.workflows.portfolio;

import java.util.List;

/**
 * The run summary to write (see {@link PortfolioActivities#record}).
 *
 * @param summary the counts so far (absolute)
 * @param problems problem buildings not written yet
 * @param state RUNNING, COMPLETED or FAILED
 * @param error why the run ended early; null otherwise
 */
public record PortfolioRecord(
    PortfolioSummary summary, List<BuildingProblem> problems, String state, String error) {

  public static final String RUNNING = "RUNNING";
  public static final String COMPLETED = "COMPLETED";
  public static final String FAILED = "FAILED";

  public PortfolioRecord {
    problems = problems == null ? List.of() : List.copyOf(problems);
  }
}
