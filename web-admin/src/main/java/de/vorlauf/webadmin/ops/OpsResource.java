package de.vorlauf.webadmin.ops;

import de.vorlauf.persistence.ingest.DeviceLiveness;
import de.vorlauf.webadmin.ingest.IngestService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** What ops watch of the ingestion: per building and device liveness, rate and quarantine. */
@Path("/ops")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OpsResource {

  @Inject OpsService ops;
  @Inject IngestService ingest;

  @GET
  @Path("overview")
  public OpsOverviewDto overview() throws SQLException {
    List<BuildingHealth> buildings = ops.buildings();
    String mode = null;
    String modeProblem = null;
    try {
      mode = ops.storageMode().label();
    } catch (SQLException | IllegalStateException e) {
      modeProblem = e.getMessage();
    }
    DeviceLiveness liveness = ingest.liveness();
    return new OpsOverviewDto(
        Instant.now(),
        mode,
        modeProblem,
        liveness.offlineAfter().toMinutes(),
        liveness.onlineAfter(),
        buildings.stream().mapToInt(BuildingHealth::devices).sum(),
        buildings.stream().mapToInt(BuildingHealth::online).sum(),
        buildings.stream().mapToInt(BuildingHealth::offline).sum(),
        buildings.stream().mapToInt(BuildingHealth::neverSeen).sum(),
        buildings.stream().mapToDouble(BuildingHealth::readingsPerMinute).sum(),
        ops.quarantineCounts(),
        buildings);
  }

  @GET
  @Path("devices")
  public List<DeviceHealth> devices(@QueryParam("buildingId") String buildingId)
      throws SQLException {
    return ops.devices(buildingId == null || buildingId.isBlank() ? null : buildingId.strip());
  }
}
