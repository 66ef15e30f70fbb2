package de.vorlauf.webadmin.registry;

import static de.vorlauf.webadmin.registry.CredentialKind.DEVICE;

import de.vorlauf.webadmin.common.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * A device's credentials: issue, rotate (with an overlap, see {@link CredentialService}), revoke.
 * The token is in the answer of issue and rotate only, marked no-store. {@link
 * GatewayCredentialResource} answers the same calls for gateways and shares the helpers here.
 */
@Path("/devices/{deviceId}/credentials")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CredentialResource {

  @Inject CredentialService credentials;
  @Context SecurityContext security;

  @GET
  public List<CredentialDto> list(@PathParam("deviceId") String deviceId) {
    return credentials.list(DEVICE, deviceId);
  }

  @POST
  public Response issue(@PathParam("deviceId") String deviceId) {
    return created(credentials.issue(DEVICE, deviceId, user()));
  }

  /**
   * @param overlap ISO-8601 duration the old credentials stay valid (PT0S revokes them now);
   *     default VORLAUF_CREDENTIAL_ROTATION_OVERLAP
   */
  @POST
  @Path("rotate")
  public Response rotate(
      @PathParam("deviceId") String deviceId, @QueryParam("overlap") String overlap) {
    return created(credentials.rotate(DEVICE, deviceId, duration(overlap), user()));
  }

  @DELETE
  public Map<String, Integer> revokeAll(@PathParam("deviceId") String deviceId) {
    return Map.of("revoked", credentials.revokeAll(DEVICE, deviceId, user()));
  }

  @DELETE
  @Path("{credentialId}")
  public CredentialDto revoke(
      @PathParam("deviceId") String deviceId, @PathParam("credentialId") long credentialId) {
    return credentials.revoke(DEVICE, deviceId, credentialId, user());
  }

  private String user() {
    return security.getUserPrincipal().getName();
  }

  /** 201 with a body that holds a secret: no cache may keep it. */
  static Response created(Object issuedDto) {
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    noStore.setNoCache(true);
    return Response.status(Response.Status.CREATED).cacheControl(noStore).entity(issuedDto).build();
  }

  static Duration duration(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "overlap must be an ISO-8601 duration such as PT1H or PT0S, not '" + value + "'");
    }
  }
}
