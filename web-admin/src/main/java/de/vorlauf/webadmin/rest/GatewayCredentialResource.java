package de.vorlauf.webadmin.rest;

import de.vorlauf.webadmin.registry.GatewayCredentialService;
import de.vorlauf.webadmin.registry.InvalidInputException;
import de.vorlauf.webadmin.registry.IssuedGatewayCredential;
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
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * A gateway's credentials, with the calls and answers of a device's ({@link CredentialResource}):
 * issue, rotate (with an overlap), revoke one or all. The token is in the answer of issue and
 * rotate only, marked no-store.
 */
@Path("/gateways/{gatewayId}/credentials")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GatewayCredentialResource {

  @Inject GatewayCredentialService credentials;
  @Context SecurityContext security;

  private final Clock clock = Clock.systemUTC();

  @GET
  public List<GatewayCredentialDto> list(@PathParam("gatewayId") String gatewayId) {
    return credentials.list(gatewayId).stream()
        .map(c -> GatewayMapper.toDto(c, clock.instant()))
        .toList();
  }

  @POST
  public Response issue(@PathParam("gatewayId") String gatewayId) {
    return issued(credentials.issue(gatewayId, user()));
  }

  /**
   * @param overlap ISO-8601 duration the old credentials stay valid (PT0S revokes them now);
   *     default VORLAUF_CREDENTIAL_ROTATION_OVERLAP
   */
  @POST
  @Path("rotate")
  public Response rotate(
      @PathParam("gatewayId") String gatewayId, @QueryParam("overlap") String overlap) {
    return issued(credentials.rotate(gatewayId, duration(overlap), user()));
  }

  @DELETE
  public Map<String, Integer> revokeAll(@PathParam("gatewayId") String gatewayId) {
    return Map.of("revoked", credentials.revokeAll(gatewayId, user()));
  }

  @DELETE
  @Path("{credentialId}")
  public GatewayCredentialDto revoke(
      @PathParam("gatewayId") String gatewayId, @PathParam("credentialId") long credentialId) {
    return GatewayMapper.toDto(
        credentials.revoke(gatewayId, credentialId, user()), clock.instant());
  }

  private Response issued(IssuedGatewayCredential issued) {
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    noStore.setNoCache(true);
    return Response.status(Response.Status.CREATED)
        .cacheControl(noStore)
        .entity(
            new IssuedGatewayCredentialDto(
                GatewayMapper.toDto(issued.credential(), clock.instant()),
                issued.token().value(),
                issued.credential().getGatewayId(),
                CredentialResource.NOTICE))
        .build();
  }

  private String user() {
    return security.getUserPrincipal().getName();
  }

  private static Duration duration(String value) {
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
