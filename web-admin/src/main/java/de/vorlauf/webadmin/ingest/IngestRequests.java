package de.vorlauf.webadmin.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.vorlauf.domain.ingest.RejectReason;
import de.vorlauf.ingest.pipeline.IngestOutcome;
import de.vorlauf.webadmin.config.IngestConfig;
import de.vorlauf.webadmin.registry.CredentialService;
import de.vorlauf.webadmin.registry.DeviceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * One device's {@code POST /api/v1/ingest}: who the bearer token belongs to, the body read up to
 * its limit, the shared pipeline ({@link IngestService}), and what to answer when nothing of the
 * body could be stored.
 */
@ApplicationScoped
public class IngestRequests {

  private static final String BEARER = "Bearer ";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject IngestService ingest;
  @Inject CredentialService credentials;
  @Inject DeviceService devices;
  @Inject IngestConfig config;

  /**
   * The device of a valid bearer token.
   *
   * @param authorization the Authorization header, may be null
   * @return empty when the header is missing, not a bearer token, or the token is unknown, revoked
   *     or expired
   * @throws IngestBusyException when the registry cannot be read: a device must learn when to come
   *     back, not that its token is bad
   */
  public Optional<String> device(String authorization) throws IngestBusyException {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    try {
      return credentials.deviceOf(authorization.substring(BEARER.length()).strip());
    } catch (PersistenceException | TransactionalException e) {
      throw new IngestBusyException(
          "the device registry cannot be read right now; retry shortly",
          IngestService.RETRY_AFTER_SECONDS,
          e);
    }
  }

  /**
   * Runs the body through the pipeline and waits for its commit.
   *
   * @param declaredLength the Content-Length header, -1 when absent
   * @return the 202 answer: at least one reading is stored
   * @throws IngestRefusedException nothing is stored; the refused parts are quarantined
   */
  public IngestAcceptedDto ingest(String deviceId, InputStream body, long declaredLength)
      throws IOException,
          BodyTooLargeException,
          IngestBusyException,
          IngestRefusedException,
          InterruptedException {
    byte[] payload = BoundedBody.read(body, declaredLength, config.maxBodyBytes());
    IngestOutcome outcome = ingest.ingest(deviceId, payload);
    if (outcome.nothingUsable()) {
      throw refused(deviceId, payload, outcome.reasons());
    }
    return IngestAcceptedDto.accepted(outcome.readings(), outcome.reasons());
  }

  /**
   * Runs a bulk upload ({@link BulkUpload}) and waits for its commit.
   *
   * @return the 200 answer: at least one reading of the upload is stored
   * @throws IngestRefusedException 400: the body is no non-empty JSON array; or no message had a
   *     usable reading: answered as {@link #ingest} answers such a body (403 to a deactivated
   *     device above all, which must learn it, not delete its buffer as acknowledged), the refused
   *     parts quarantined all the same
   */
  public BulkAcceptedDto ingestBulk(String deviceId, InputStream body, long declaredLength)
      throws IOException,
          BodyTooLargeException,
          IngestBusyException,
          IngestRefusedException,
          InterruptedException {
    byte[] payload = BoundedBody.read(body, declaredLength, config.maxBodyBytes());
    List<byte[]> messages;
    try {
      messages = BulkUpload.messages(payload);
    } catch (IllegalArgumentException e) {
      throw new IngestRefusedException(400, "Not a bulk upload", e.getMessage(), List.of());
    }
    List<IngestOutcome> outcomes = ingest.ingestBulk(deviceId, messages);
    if (outcomes.stream().allMatch(IngestOutcome::nothingUsable)) {
      List<String> reasons = outcomes.stream().flatMap(o -> o.reasons().stream()).toList();
      throw refused(deviceId, messages.get(firstMismatch(outcomes)), reasons);
    }
    return BulkAcceptedDto.of(outcomes);
  }

  /** The message that names another device, for the problem's detail; else the first. */
  private static int firstMismatch(List<IngestOutcome> outcomes) {
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i).reasons().contains(RejectReason.DEVICE_MISMATCH.code())) {
        return i;
      }
    }
    return 0;
  }

  private IngestRefusedException refused(String deviceId, byte[] payload, List<String> reasons) {
    if (reasons.contains(RejectReason.DEVICE_MISMATCH.code())) {
      String named = payloadDevice(payload);
      if (named != null && !devices.exists(named)) {
        return new IngestRefusedException(
            404,
            "Device not registered",
            "device '" + named + "' is not registered; register it (and use its own token)",
            reasons);
      }
      return new IngestRefusedException(
          403,
          "Token of another device",
          "this token belongs to device '"
              + deviceId
              + "', the body names '"
              + named
              + "'; each device sends with its own token",
          reasons);
    }
    if (reasons.contains(RejectReason.INACTIVE_DEVICE.code())) {
      return new IngestRefusedException(
          403,
          "Device deactivated",
          "device '"
              + deviceId
              + "' is deactivated; the body was quarantined and can be"
              + " re-ingested after the device is reactivated",
          reasons);
    }
    if (reasons.contains(RejectReason.UNKNOWN_DEVICE.code())) {
      return new IngestRefusedException(
          404, "Device not registered", "device '" + deviceId + "' is not registered", reasons);
    }
    return new IngestRefusedException(
        400,
        "Nothing usable in the body",
        "no reading could be stored; the refused parts were quarantined with these reasons: "
            + String.join(", ", reasons),
        reasons);
  }

  /** The payload's device_id, read again only on this error path. */
  private static String payloadDevice(byte[] payload) {
    try {
      JsonNode id = JSON.readTree(payload).get("device_id");
      return id != null && id.isTextual() ? id.asText() : null;
    } catch (IOException e) {
      return null;
    }
  }
}
