package de.vorlauf.webadmin.registry;

import static de.vorlauf.webadmin.registry.CredentialKind.GATEWAY;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
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

  @Inject CredentialService credentials;
  @Context SecurityContext security;

  @GET
  public List<GatewayCredentialDto> list(@PathParam("gatewayId") String gatewayId) {
    return credentials.list(GATEWAY, gatewayId);
  }

  @POST
  public Response issue(@PathParam("gatewayId") String gatewayId) {
    return CredentialResource.created(credentials.issue(GATEWAY, gatewayId, user()));
  }

  @POST
  @Path("rotate")
  public Response rotate(
      @PathParam("gatewayId") String gatewayId, @QueryParam("overlap") String overlap) {
    return CredentialResource.created(
        credentials.rotate(GATEWAY, gatewayId, CredentialResource.duration(overlap), user()));
  }

  @DELETE
  public Map<String, Integer> revokeAll(@PathParam("gatewayId") String gatewayId) {
    return Map.of("revoked", credentials.revokeAll(GATEWAY, gatewayId, user()));
  }

  @DELETE
  @Path("{credentialId}")
  public GatewayCredentialDto revoke(
      @PathParam("gatewayId") String gatewayId, @PathParam("credentialId") long credentialId) {
    return credentials.revoke(GATEWAY, gatewayId, credentialId, user());
  }

  private String user() {
    return security.getUserPrincipal().getName();
  }
}
