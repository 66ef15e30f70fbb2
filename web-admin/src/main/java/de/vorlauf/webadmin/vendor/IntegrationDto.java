package de.vorlauf.webadmin.vendor;

import de.vorlauf.workflows.vendor.InstallationStatus;
import de.vorlauf.workflows.vendor.PollingStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An integration for the API: configuration (never the secret), workflow state and, when known,
 * polling status. Durations are ISO-8601 strings, lags also in seconds for sorting and charts.
 */
public record IntegrationDto(
    String id,
    String baseUrl,
    String clientId,
    String deviceIdTemplate,
    String configuredInterval,
    String initialLookback,
    boolean autostart,
    String workflowId,
    String state,
    String detail,
    Status status) {

  public record Status(
      boolean paused,
      String interval,
      long rounds,
      Instant lastRoundAt,
      String lastRoundError,
      Instant asOf,
      List<Installation> installations) {}

  public record Installation(
      String installationId,
      String state,
      String lastError,
      Instant lastSuccessAt,
      Instant cursor,
      String lag,
      Long lagSeconds,
      long readingsStored,
      long duplicates,
      long quarantined,
      int consecutiveFailures,
      boolean polling) {}

  static IntegrationDto of(IntegrationView view) {
    var i = view.integration();
    return new IntegrationDto(
        i.id(),
        i.baseUrl(),
        i.clientId(),
        i.deviceIdTemplate(),
        i.pollInterval().toString(),
        i.initialLookback().toString(),
        i.autostart(),
        i.workflowId(),
        view.state(),
        view.detail(),
        view.status() == null ? null : status(view.status()));
  }

  private static Status status(PollingStatus s) {
    return new Status(
        s.paused(),
        s.interval() == null ? null : s.interval().toString(),
        s.rounds(),
        s.lastRoundAt(),
        s.lastRoundError(),
        s.asOf(),
        s.installations().stream().map(IntegrationDto::installation).toList());
  }

  private static Installation installation(InstallationStatus i) {
    Duration lag = i.lag();
    return new Installation(
        i.installationId(),
        i.state(),
        i.lastError(),
        i.lastSuccessAt(),
        i.cursor(),
        lag == null ? null : lag.toString(),
        lag == null ? null : lag.toSeconds(),
        i.readingsStored(),
        i.duplicates(),
        i.quarantined(),
        i.consecutiveFailures(),
        i.polling());
  }
}
