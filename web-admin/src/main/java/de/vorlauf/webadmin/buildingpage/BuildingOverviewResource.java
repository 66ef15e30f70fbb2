package de.vorlauf.webadmin.buildingpage;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;

/**
 * {@code GET /api/v1/buildings/{id}/overview}: what the building page shows above its charts
 * (configuration, devices with state, firmware and signal, newest value per sensor, the heating
 * curve's vertices). Read-only.
 */
@Path("/buildings/{id}/overview")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BuildingOverviewResource {

  @Inject BuildingPageService page;

  @GET
  public BuildingOverviewDto overview(@PathParam("id") String buildingId) throws SQLException {
    return page.overview(buildingId);
  }
}
