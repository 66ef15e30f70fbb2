package de.vorlauf.webadmin.readings;

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
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/buildings/{id}/readings?sensors=…&from=…&to=…&resolution=raw|15m|1h&agg=
 * avg|min|max}: a building's readings, one column per sensor, as JSON or (with {@code Accept:
 * text/csv}) CSV, streamed. Hours older than raw retention come from the hourly rollup; the header
 * {@code Vorlauf-Rollup-Until} (and JSON's {@code rollupUntil}) says up to where.
 */
@Path("/buildings/{id}/readings")
public class ReadingsResource {

  public static final MediaType CSV = new MediaType("text", "csv");
  static final String ROLLUP_UNTIL = "Vorlauf-Rollup-Until";

  @Inject ReadingsService service;

  @GET
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  public Response readings(
      @PathParam("id") String buildingId,
      @QueryParam("sensors") List<String> sensors,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("resolution") String resolution,
      @QueryParam("agg") String agg,
      @Context HttpHeaders headers)
      throws SQLException {
    ReadingsService.Prepared prepared =
        service.prepare(buildingId, sensors, from, to, resolution, agg);
    boolean csv = wantsCsv(headers.getAcceptableMediaTypes());
    StreamingOutput body =
        csv
            ? out -> ReadingsOutput.csv(service, prepared, out)
            : out -> ReadingsOutput.json(service, prepared, out);
    Instant rollupUntil = prepared.query().rollupUntil();
    Response.ResponseBuilder response =
        Response.ok(body, csv ? withUtf8(CSV) : MediaType.APPLICATION_JSON_TYPE);
    if (rollupUntil != null) {
      response.header(ROLLUP_UNTIL, rollupUntil.toString());
    }
    return response.build();
  }

  /** CSV only when the client prefers it to JSON (the list comes sorted by preference). */
  public static boolean wantsCsv(List<MediaType> acceptable) {
    for (MediaType type : acceptable) {
      if (type.isWildcardType()) {
        return false;
      }
      if (type.isCompatible(CSV)) {
        return true;
      }
      if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return false;
      }
    }
    return false;
  }

  private static MediaType withUtf8(MediaType type) {
    return type.withCharset("UTF-8");
  }
}
