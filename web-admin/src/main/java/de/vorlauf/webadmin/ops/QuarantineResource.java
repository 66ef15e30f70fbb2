package de.vorlauf.webadmin.ops;

import de.vorlauf.persistence.ops.QuarantineFilter;
import de.vorlauf.webadmin.common.InvalidInputException;
import de.vorlauf.webadmin.common.PageDto;
import de.vorlauf.webadmin.common.Paging;
import de.vorlauf.webadmin.ingest.IngestBusyException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The quarantine browser: filter by device, reason and arrival time, look at one payload, and run
 * selected or all matching rows through the shared pipeline again once the cause is fixed.
 */
@Path("/quarantine")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QuarantineResource {

  static final int MAX_REINGEST = 10_000;

  @Inject QuarantineService quarantine;

  @GET
  public PageDto<QuarantineRowDto> list(
      @QueryParam("deviceId") String deviceId,
      @QueryParam("reason") String reason,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size)
      throws SQLException {
    return quarantine.list(
        new QuarantineFilter(deviceId, reason, instant("from", from), instant("to", to)),
        Paging.request(page, size));
  }

  @GET
  @Path("{id}")
  public QuarantineRowDto get(@PathParam("id") long id) throws SQLException {
    return quarantine.get(id);
  }

  @POST
  @Path("reingest")
  @Consumes(MediaType.APPLICATION_JSON)
  public ReingestReportDto reingest(ReingestRequest request)
      throws SQLException, IngestBusyException, InterruptedException {
    if (request == null) {
      throw new InvalidInputException("a JSON body with ids or a filter is required");
    }
    List<Long> ids = request.ids() == null ? List.of() : request.ids();
    if (ids.size() > MAX_REINGEST) {
      throw new InvalidInputException("at most " + MAX_REINGEST + " ids per call");
    }
    if (!ids.isEmpty()) {
      return quarantine.reingest(ids);
    }
    int limit = request.limit() == null ? MAX_REINGEST : request.limit();
    if (limit < 1 || limit > MAX_REINGEST) {
      throw new InvalidInputException("limit must be between 1 and " + MAX_REINGEST);
    }
    return quarantine.reingestMatching(
        new QuarantineFilter(request.deviceId(), request.reason(), request.from(), request.to()),
        limit);
  }

  private static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, not '" + value + "'");
    }
  }
}
