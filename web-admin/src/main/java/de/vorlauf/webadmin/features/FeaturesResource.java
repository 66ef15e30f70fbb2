package de.vorlauf.webadmin.features;

import de.vorlauf.webadmin.readings.ReadingsResource;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.sql.SQLException;

/**
 * {@code GET /api/v1/buildings/{id}/features?from=…&to=…}: the building's 15-minute feature rows
 * ({@code building_features}, per-circuit columns flattened to {@code …_hkN}, provenance as words)
 * as JSON or, with {@code Accept: text/csv}, CSV, streamed; limits and problem answers as the
 * readings API's.
 */
@Path("/buildings/{id}/features")
public class FeaturesResource {

  @Inject FeaturesService service;

  @GET
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  public Response features(
      @PathParam("id") String buildingId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @Context HttpHeaders headers)
      throws SQLException {
    FeaturesService.Prepared prepared = service.prepare(buildingId, from, to);
    boolean csv = ReadingsResource.wantsCsv(headers.getAcceptableMediaTypes());
    StreamingOutput body =
        csv
            ? out -> FeaturesOutput.csv(service, prepared, out)
            : out -> FeaturesOutput.json(service, prepared, out);
    return Response.ok(
            body, csv ? ReadingsResource.CSV.withCharset("UTF-8") : MediaType.APPLICATION_JSON_TYPE)
        .build();
  }
}
