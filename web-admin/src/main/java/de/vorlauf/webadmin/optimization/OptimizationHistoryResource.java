package de.vorlauf.webadmin.optimization;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;

/**
 * {@code GET /api/v1/buildings/{id}/optimization?from=…&to=…&origin=…}: what the optimiser decided
 * for the building, what it predicted against what was measured, and how its setpoints were
 * delivered. Default range the last 48 hours, at most {@link OptimizationHistoryService#MAX_RANGE};
 * default origin {@code hourly} (else the first origin with results in the range).
 */
@Path("/buildings/{id}/optimization")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OptimizationHistoryResource {

  @Inject OptimizationHistoryService history;

  @GET
  public OptimizationHistoryDto history(
      @PathParam("id") String buildingId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("origin") String origin)
      throws SQLException {
    return history.history(buildingId, from, to, origin);
  }
}
