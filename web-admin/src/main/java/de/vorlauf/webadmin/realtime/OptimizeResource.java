package de.vorlauf.webadmin.realtime;

import de.vorlauf.webadmin.audit.NotAudited;
import de.vorlauf.webadmin.security.TokenScope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.sql.SQLException;

/**
 * {@code POST /api/v1/optimize}: the optimiser's answer for a building now, from the platform's
 * history and the client's snapshot (issue 24; schema and how to apply an answer in
 * docs/architecture.md, "Real-time optimisation"). For machine clients with an API token of scope
 * {@code optimize}, and for admin sessions. Sends nothing to the building.
 */
@Path("/optimize")
@RequestScoped
@TokenScope("optimize")
@NotAudited // every call is stored with its caller (optimization_results), not an operator action
public class OptimizeResource {

  @Inject RealtimeService realtime;

  @Context SecurityContext security;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public OptimizeResponse optimize(JsonObject body) throws SQLException {
    // the authentication filter lets no call without a principal through (an admin login, or an
    // API token whose filter sets the token's name as the principal)
    Principal caller = security.getUserPrincipal();
    return realtime.optimize(body, caller == null ? "unknown" : caller.getName());
  }
}
