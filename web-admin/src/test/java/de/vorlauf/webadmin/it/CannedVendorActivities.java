package de.vorlauf.webadmin.it;

import de.vorlauf.workflows.vendor.Installations;
import de.vorlauf.workflows.vendor.PollRequest;
import de.vorlauf.workflows.vendor.PollResult;
import de.vorlauf.workflows.vendor.VendorPollingActivities;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A vendor cloud without a cloud: every integration sees the same two installations, and a poll
 * "stores" three features per whole minute between the cursor and now, then moves the cursor to the
 * current minute, as the real activities do with the feature history.
 */
final class CannedVendorActivities implements VendorPollingActivities {

  static final List<String> INSTALLATIONS = List.of("2091847", "2091848");
  static final int FEATURES = 3;

  @Override
  public Installations listInstallations(String integrationId) {
    return new Installations(INSTALLATIONS);
  }

  @Override
  public PollResult pollInstallation(PollRequest request) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    if (!request.cursor().isBefore(now)) {
      return PollResult.nothing(request.installationId(), request.cursor());
    }
    long minutes = Duration.between(request.cursor(), now).toMinutes();
    return new PollResult(request.installationId(), now, FEATURES * minutes, 0, 0);
  }
}
