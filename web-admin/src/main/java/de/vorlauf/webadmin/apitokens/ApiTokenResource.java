package de.vorlauf.webadmin.apitokens;

import de.vorlauf.webadmin.audit.AuditDetail;
import de.vorlauf.webadmin.security.AdminSessionOnly;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;

/**
 * API tokens for machine clients (issue 24): create (the secret in this answer only, no-store),
 * list, revoke. An admin session only, never a token. Creation and revocation are audited by the
 * audit filter as {@code apiToken.create} / {@code apiToken.revoke}, object {@code token <id>},
 * with the name, scopes and expiry as facts (never the secret).
 */
@Path("/tokens")
@AdminSessionOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApiTokenResource {

  @Inject ApiTokenService tokens;
  @Inject AuditDetail audit;
  @Context SecurityContext security;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(ApiTokenInput input, @Context UriInfo uri) throws SQLException {
    CreatedApiTokenDto created = tokens.create(input, security.getUserPrincipal().getName());
    audit
        .put("name", created.name())
        .put("scopes", String.join(" ", created.scopes()))
        .put("expiresAt", created.expiresAt());
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    noStore.setNoCache(true);
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
        .cacheControl(noStore)
        .entity(created)
        .build();
  }

  @GET
  public List<ApiTokenDto> list() throws SQLException {
    return tokens.list();
  }

  @GET
  @Path("{id}")
  public ApiTokenDto get(@PathParam("id") long id) throws SQLException {
    return tokens.get(id);
  }

  @DELETE
  @Path("{id}")
  public Response revoke(@PathParam("id") long id) throws SQLException {
    ApiTokenDto revoked = tokens.revoke(id, security.getUserPrincipal().getName());
    audit.put("name", revoked.name());
    return Response.noContent().build();
  }
}
