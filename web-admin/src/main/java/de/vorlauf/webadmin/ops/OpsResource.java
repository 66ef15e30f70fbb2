package de.vorlauf.webadmin.ops;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;

/** What ops watch of the ingestion: per building and device liveness, rate and quarantine. */
@Path("/ops")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OpsResource {

  @Inject OpsService ops;

  @GET
  @Path("overview")
  public OpsOverviewDto overview() throws SQLException {
    return ops.overview();
  }

  @GET
  @Path("devices")
  public List<DeviceHealth> devices(@QueryParam("buildingId") String buildingId)
      throws SQLException {
    return ops.devices(buildingId == null || buildingId.isBlank() ? null : buildingId.strip());
  }
}
