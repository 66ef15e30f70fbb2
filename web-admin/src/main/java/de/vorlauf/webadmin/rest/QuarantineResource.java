package de.vorlauf.webadmin.rest;

import de.vorlauf.persistence.ingest.QuarantineReingest;
import de.vorlauf.persistence.ops.QuarantineSearch;
import de.vorlauf.webadmin.audit.AuditDetail;
import de.vorlauf.webadmin.ingest.IngestBusyException;
import de.vorlauf.webadmin.ingest.IngestService;
import de.vorlauf.webadmin.ops.QuarantineBrowser;
import de.vorlauf.webadmin.ops.QuarantineListRow;
import de.vorlauf.webadmin.ops.QuarantineQueries;
import de.vorlauf.webadmin.ops.QuarantineRow;
import de.vorlauf.webadmin.registry.InvalidInputException;
import de.vorlauf.webadmin.registry.PageRequest;
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

  @Inject QuarantineQueries queries;
  @Inject QuarantineBrowser browser;
  @Inject IngestService ingest;
  @Inject AuditDetail audit;

  /**
   * @param dir {@code desc} (default: newest first) or {@code asc}
   */
  @GET
  public PageDto<QuarantineListRow> list(
      @QueryParam("deviceId") String deviceId,
      @QueryParam("sensorId") String sensorId,
      @QueryParam("reason") String reason,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("dir") String dir,
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size)
      throws SQLException {
    if (dir != null && !dir.isBlank() && !List.of("asc", "desc").contains(dir.strip())) {
      throw new InvalidInputException("dir", "dir must be asc or desc, not '" + dir + "'");
    }
    QuarantineSearch.Criteria criteria =
        new QuarantineSearch.Criteria(
            deviceId, sensorId, reason, instant("from", from), instant("to", to));
    return RegistryMapper.toDto(
        browser.page(criteria, !"asc".equals(dir), PageRequest.of(page, size)), row -> row);
  }

  @GET
  @Path("{id}")
  public QuarantineRow get(@PathParam("id") long id) throws SQLException {
    return queries.get(id);
  }

  @POST
  @Path("reingest")
  @Consumes(MediaType.APPLICATION_JSON)
  public QuarantineReingest.Report reingest(ReingestRequest request)
      throws SQLException, IngestBusyException, InterruptedException {
    if (request == null) {
      throw new InvalidInputException("a JSON body with ids or a filter is required");
    }
    List<Long> ids = request.ids() == null ? List.of() : request.ids();
    if (ids.size() > MAX_REINGEST) {
      throw new InvalidInputException("at most " + MAX_REINGEST + " ids per call");
    }
    if (ids.isEmpty()) {
      int limit = request.limit() == null ? MAX_REINGEST : request.limit();
      if (limit < 1 || limit > MAX_REINGEST) {
        throw new InvalidInputException("limit must be between 1 and " + MAX_REINGEST);
      }
      ids =
          browser.ids(
              new QuarantineSearch.Criteria(
                  request.deviceId(),
                  request.sensorId(),
                  request.reason(),
                  request.from(),
                  request.to()),
              limit);
      audit.put("matching", ids.size());
      if (ids.isEmpty()) {
        return new QuarantineReingest.Report(0, 0, 0, 0, 0, 0);
      }
    }
    audit.put("rows", ids.size());
    QuarantineReingest.Report report = ingest.reingest(QuarantineReingest.Selection.ids(ids));
    audit.put("released", report.released());
    return report;
  }

  private static Instant instant(String name, String value) {
    return QueryParameters.instant(name, value);
  }
}
