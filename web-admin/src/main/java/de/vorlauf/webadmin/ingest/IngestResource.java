package de.vorlauf.webadmin.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.vorlauf.domain.ingest.RejectReason;
import de.vorlauf.persistence.ingest.IngestOutcome;
import de.vorlauf.webadmin.common.ProblemDto;
import de.vorlauf.webadmin.common.UnknownEntityException;
import de.vorlauf.webadmin.config.IngestConfig;
import de.vorlauf.webadmin.registry.CredentialService;
import de.vorlauf.webadmin.registry.DeviceService;
import de.vorlauf.webadmin.security.DeviceAuthenticated;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /api/v1/ingest}: a device posts the source document's {@code DevicePayload} with its
 * bearer token. The body runs through the same pipeline as MQTT messages; the answer comes after
 * the commit: 202 with the stored count and the reasons of refused parts, 400 when nothing was
 * usable (the refused parts are quarantined all the same), 401 without a valid token, 403 when the
 * token's device may not send this (another device's id, or deactivated), 404 for a payload naming
 * an unregistered device, 413 beyond the size limit, 503 + Retry-After while the write queue is
 * full or the database is down.
 */
@Path("/ingest")
@RequestScoped
@DeviceAuthenticated
public class IngestResource {

  private static final String BEARER = "Bearer ";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject IngestService ingest;
  @Inject CredentialService credentials;
  @Inject DeviceService devices;
  @Inject IngestConfig config;
  @Context UriInfo uri;

  @POST
  @Produces({MediaType.APPLICATION_JSON, ProblemDto.MEDIA_TYPE})
  public Response ingest(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
      InputStream body)
      throws IOException, BodyTooLargeException, IngestBusyException, InterruptedException {
    Optional<String> device;
    try {
      device = token(authorization).flatMap(credentials::deviceOf);
    } catch (PersistenceException | TransactionalException e) {
      // the database is down: a device must learn when to come back, not that its token is bad
      throw new IngestBusyException(
          "the device registry cannot be read right now; retry shortly",
          IngestService.RETRY_AFTER_SECONDS,
          e);
    }
    if (device.isEmpty()) {
      return unauthorized(authorization == null || authorization.isBlank());
    }
    byte[] payload = BoundedBody.read(body, length(contentLength), config.maxBodyBytes());
    IngestOutcome outcome = ingest.ingest(device.get(), payload);
    if (!outcome.nothingUsable()) {
      return Response.accepted(IngestAcceptedDto.accepted(outcome.readings(), outcome.reasons()))
          .type(MediaType.APPLICATION_JSON)
          .build();
    }
    return refused(device.get(), payload, outcome);
  }

  private Response refused(String deviceId, byte[] payload, IngestOutcome outcome) {
    List<String> reasons = outcome.reasons();
    if (reasons.contains(RejectReason.DEVICE_MISMATCH.code())) {
      String named = payloadDevice(payload);
      if (named != null && !registered(named)) {
        return problem(
            404,
            "Device not registered",
            "device '" + named + "' is not registered; register it (and use its own token)",
            reasons);
      }
      return problem(
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
      return problem(
          403,
          "Device deactivated",
          "device '"
              + deviceId
              + "' is deactivated; the body was quarantined and can be"
              + " re-ingested after the device is reactivated",
          reasons);
    }
    if (reasons.contains(RejectReason.UNKNOWN_DEVICE.code())) {
      return problem(
          404, "Device not registered", "device '" + deviceId + "' is not registered", reasons);
    }
    return problem(
        400,
        "Nothing usable in the body",
        "no reading could be stored; the refused parts were quarantined with these reasons: "
            + String.join(", ", reasons),
        reasons);
  }

  private boolean registered(String deviceId) {
    try {
      devices.get(deviceId);
      return true;
    } catch (UnknownEntityException e) {
      return false;
    }
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

  private Response problem(int status, String title, String detail, List<String> reasons) {
    return Response.status(status)
        .type(ProblemDto.MEDIA_TYPE)
        .entity(
            new IngestProblemDto(
                "about:blank", title, status, detail, uri.getRequestUri().getPath(), reasons))
        .build();
  }

  private Response unauthorized(boolean missing) {
    String detail =
        missing
            ? "send the device's token as 'Authorization: Bearer <token>' (issued in the admin UI)"
            : "the token is unknown, revoked or expired; issue or rotate the device's credential";
    return Response.status(Response.Status.UNAUTHORIZED)
        .header(
            HttpHeaders.WWW_AUTHENTICATE,
            missing
                ? "Bearer realm=\"vorlauf-ingest\""
                : "Bearer realm=\"vorlauf-ingest\", error=\"invalid_token\"")
        .type(ProblemDto.MEDIA_TYPE)
        .entity(
            ProblemDto.of(
                401,
                missing ? "Token missing" : "Token not valid",
                detail,
                uri.getRequestUri().getPath()))
        .build();
  }

  private static Optional<String> token(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    return Optional.of(authorization.substring(BEARER.length()).strip());
  }

  private static long length(String header) {
    try {
      return header == null ? -1 : Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
