package de.vorlauf.activities.vendor;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.vorlauf.activities.vendor.VendorApiException.Kind;
import de.vorlauf.domain.vendor.VendorIntegration;
import de.vorlauf.domain.vendor.VendorIntegrations;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One client (and so one token cache) per configured integration, created on first use. */
public class VendorClients {

  private final VendorIntegrations integrations;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final Clock clock;
  private final Map<String, VendorCloudClient> clients = new ConcurrentHashMap<>();

  public VendorClients(VendorIntegrations integrations, Clock clock) {
    this(
        integrations,
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build(),
        clock);
  }

  public VendorClients(VendorIntegrations integrations, HttpClient http, Clock clock) {
    this.integrations = integrations;
    this.http = http;
    this.clock = clock;
  }

  public VendorIntegration integration(String integrationId) {
    return integrations
        .find(integrationId)
        .orElseThrow(
            () ->
                // retryable: during a rolling configuration change another worker may know it
                new VendorApiException(
                    Kind.UNAVAILABLE,
                    0,
                    null,
                    "integration '%s' is not configured in this worker (VORLAUF_VENDOR_INTEGRATIONS_FILE)"
                        .formatted(integrationId)));
  }

  public VendorCloudClient client(String integrationId) {
    VendorIntegration integration = integration(integrationId);
    return clients.computeIfAbsent(
        integrationId,
        id ->
            new VendorCloudClient(
                integration, http, new TokenCache(integration, http, json, clock), json));
  }
}
