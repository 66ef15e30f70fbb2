package de.vorlauf.webadmin.vendor;

import de.vorlauf.domain.vendor.VendorIntegration;
import de.vorlauf.workflows.vendor.PollingStatus;

/**
 * An integration as configured plus what Temporal says about its workflow.
 *
 * @param state {@code running}, {@code stopped} (closed or never started) or {@code unknown}
 *     (Temporal cannot be asked)
 * @param detail why the state is what it is, for people
 * @param status the live status (running) or the final one of the last run (stopped); may be null
 */
public record IntegrationView(
    VendorIntegration integration, String state, String detail, PollingStatus status) {

  public static final String RUNNING = "running";
  public static final String STOPPED = "stopped";
  public static final String UNKNOWN = "unknown";
}
