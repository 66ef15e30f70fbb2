package de.vorlauf.webadmin.ingest;

import de.vorlauf.webadmin.common.ProblemDto;
import de.vorlauf.webadmin.security.DeviceAuthenticated;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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

  private static final String REALM = "Bearer realm=\"vorlauf-ingest\"";

  @Inject IngestRequests requests;
  @Context UriInfo uri;

  @POST
  @Produces({MediaType.APPLICATION_JSON, ProblemDto.MEDIA_TYPE})
  public Response ingest(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
      InputStream body)
      throws IOException,
          BodyTooLargeException,
          IngestBusyException,
          IngestRefusedException,
          InterruptedException {
    return asDevice(
        authorization,
        device ->
            Response.accepted(requests.ingest(device, body, length(contentLength)))
                .type(MediaType.APPLICATION_JSON)
                .build());
  }

  /**
   * {@code POST /api/v1/ingest/bulk}: a JSON array of messages from a device's buffer, for the
   * backlog lane. 200 once all are committed, unusable messages quarantined and listed; 400, 403 or
   * 404 as for a single body when no message had a usable reading; 503 + Retry-After while the
   * backlog lane is full (send the same request again then; what was stored is dropped as a
   * duplicate). Live readings never wait for it. See docs/device-protocol.md.
   */
  @POST
  @Path("/bulk")
  @Produces({MediaType.APPLICATION_JSON, ProblemDto.MEDIA_TYPE})
  public Response bulk(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
      InputStream body)
      throws IOException,
          BodyTooLargeException,
          IngestBusyException,
          IngestRefusedException,
          InterruptedException {
    return asDevice(
        authorization,
        device ->
            Response.ok(requests.ingestBulk(device, body, length(contentLength)))
                .type(MediaType.APPLICATION_JSON)
                .build());
  }

  /** What a request of a device may throw; mapped to problem+json by the providers. */
  private interface DeviceCall {
    Response call(String deviceId)
        throws IOException,
            BodyTooLargeException,
            IngestBusyException,
            IngestRefusedException,
            InterruptedException;
  }

  /** Runs {@code call} for the bearer token's device, or answers 401. */
  private Response asDevice(String authorization, DeviceCall call)
      throws IOException,
          BodyTooLargeException,
          IngestBusyException,
          IngestRefusedException,
          InterruptedException {
    Optional<String> device = requests.device(authorization);
    if (device.isEmpty()) {
      return unauthorized(authorization == null || authorization.isBlank());
    }
    return call.call(device.get());
  }

  private Response unauthorized(boolean missing) {
    String detail =
        missing
            ? "send the device's token as 'Authorization: Bearer <token>' (issued in the admin UI)"
            : "the token is unknown, revoked or expired; issue or rotate the device's credential";
    return Response.status(Response.Status.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, missing ? REALM : REALM + ", error=\"invalid_token\"")
        .type(ProblemDto.MEDIA_TYPE)
        .entity(
            ProblemDto.of(
                401,
                missing ? "Token missing" : "Token not valid",
                detail,
                uri.getRequestUri().getPath()))
        .build();
  }

  private static long length(String header) {
    try {
      return header == null ? -1 : Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
