package de.vorlauf.webadmin.buildingpage;

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
 * {@code GET /api/v1/buildings/{id}/quality?from=…&to=…}: how many of the range's 15-minute slots
 * were measured, filled or empty, counted by the database; the readings API's range rules.
 */
@Path("/buildings/{id}/quality")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BuildingQualityResource {

  @Inject BuildingPageService page;

  @GET
  public QualityDto quality(
      @PathParam("id") String buildingId,
      @QueryParam("from") String from,
      @QueryParam("to") String to)
      throws SQLException {
    return page.quality(buildingId, from, to);
  }
}
