package de.vorlauf.activities.selfcheck;

import de.vorlauf.workflows.vendor.PollingStatus;
import java.util.List;

/** The configured vendor integrations and what their polling workflows say. */
@FunctionalInterface
public interface IntegrationStates {

  /**
   * One configured integration.
   *
   * @param polling true while its polling workflow runs
   * @param problem why it is not polling or could not be asked (e.g. "last run terminated"), null
   *     while it polls
   * @param status the running workflow's status query answer, null when not running or unknown
   */
  record IntegrationState(
      String integrationId, boolean polling, String problem, PollingStatus status) {}

  /** Every configured integration, in configuration order; empty when none is configured. */
  List<IntegrationState> all();
}
