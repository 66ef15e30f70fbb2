package de.vorlauf.domain.vendor;

import java.time.Duration;
import java.util.Objects;

/**
 * One vendor cloud integration as configured: where the cloud is, which client it authenticates as,
 * how its installations map to Vorlauf devices and how often it is polled. The client secret itself
 * is not part of it, only the file it is read from, so the record can be logged and can reach the
 * admin WAR (which never needs the secret).
 *
 * @param id the integration's name, also the suffix of its workflow ID
 * @param baseUrl e.g. {@code http://127.0.0.1:18090}, without a trailing slash
 * @param clientSecretFile absolute path of the file holding the OAuth2 client secret
 * @param deviceIdTemplate the Vorlauf device of an installation's readings, e.g. {@code
 *     vc-{installationId}}; placeholders {@code {installationId}}, {@code {gatewaySerial}}, {@code
 *     {deviceId}}
 * @param pollInterval pause between the end of one polling round and the start of the next
 * @param initialLookback how far back the first poll of an installation reaches
 * @param requestTimeout bound for each HTTP request to the cloud
 * @param autostart whether the worker starts the polling workflow when it is not running
 */
public record VendorIntegration(
    String id,
    String baseUrl,
    String clientId,
    String clientSecretFile,
    String deviceIdTemplate,
    Duration pollInterval,
    Duration initialLookback,
    Duration requestTimeout,
    boolean autostart) {

  public static final String WORKFLOW_ID_PREFIX = "vendor-polling-";

  public VendorIntegration {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecretFile, "clientSecretFile");
    Objects.requireNonNull(deviceIdTemplate, "deviceIdTemplate");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(initialLookback, "initialLookback");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
  }

  /** {@code vendor-polling-<id>}: one polling workflow per integration. */
  public String workflowId() {
    return WORKFLOW_ID_PREFIX + id;
  }

  /** The Vorlauf device that receives the readings of one vendor device. */
  public String deviceIdFor(String installationId, String gatewaySerial, String deviceId) {
    return deviceIdTemplate
        .replace("{installationId}", installationId)
        .replace("{gatewaySerial}", gatewaySerial == null ? "" : gatewaySerial)
        .replace("{deviceId}", deviceId == null ? "" : deviceId);
  }
}
