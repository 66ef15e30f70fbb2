package de.vorlauf.worker.vendor;

import de.vorlauf.domain.vendor.VendorIntegration;
import de.vorlauf.domain.vendor.VendorIntegrations;
import de.vorlauf.workflows.vendor.PollingLauncher;
import io.temporal.client.WorkflowClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure every integration configured with {@code autostart=true} has a running polling
 * workflow when the worker starts; a running one is left alone. Several workers starting at once
 * are fine: Temporal allows one open run per workflow ID.
 */
public final class PollingAutostart {

  private static final Logger log = LoggerFactory.getLogger(PollingAutostart.class);

  private PollingAutostart() {}

  public static void run(WorkflowClient client, VendorIntegrations integrations) {
    PollingLauncher launcher = new PollingLauncher(client);
    for (VendorIntegration integration : integrations.all()) {
      if (!integration.autostart()) {
        continue;
      }
      try {
        PollingLauncher.Outcome outcome =
            launcher.ensureRunning(
                integration.id(), integration.pollInterval(), integration.initialLookback());
        log.info("vendor integration {}: polling workflow {}", integration.id(), outcome);
      } catch (RuntimeException e) {
        // the worker still serves everything else; ops can start it from the admin UI
        log.error(
            "vendor integration {}: could not start its polling workflow: {}",
            integration.id(),
            e.getMessage(),
            e);
      }
    }
  }
}
