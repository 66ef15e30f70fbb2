package de.vorlauf.webadmin.ops;

import de.vorlauf.persistence.ops.QuarantineFilter;
import de.vorlauf.persistence.ops.QuarantineGroup;
import de.vorlauf.webadmin.audit.AuditDetail;
import de.vorlauf.webadmin.common.InvalidInputException;
import de.vorlauf.webadmin.common.PageDto;
import de.vorlauf.webadmin.common.Paging;
import de.vorlauf.webadmin.common.QueryParameters;
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
import java.util.Arrays;
import java.util.List;

/**
 * The quarantine browser: filter by device, sensor, reason and arrival time, group by device,
 * sensor or reason, look at one payload, and run selected or all matching rows through the shared
 * pipeline again once the cause is fixed.
 */
@Path("/quarantine")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QuarantineResource {

  static final int MAX_REINGEST = 10_000;
  static final int MAX_GROUPS = 500;

  @Inject QuarantineService quarantine;
  @Inject AuditDetail audit;

  /**
   * @param dir {@code desc} (default: newest first) or {@code asc}
   */
  @GET
  public PageDto<QuarantineRowDto> list(
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
    return quarantine.list(
        filter(deviceId, sensorId, reason, from, to),
        !"asc".equals(dir == null ? null : dir.strip()),
        Paging.request(page, size));
  }

  /**
   * The matching rows grouped, the largest groups first.
   *
   * @param by {@code device}, {@code sensor} or {@code reason}
   * @param limit at most this many groups (default 100, at most 500)
   */
  @GET
  @Path("groups")
  public List<QuarantineGroupDto> groups(
      @QueryParam("by") String by,
      @QueryParam("deviceId") String deviceId,
      @QueryParam("sensorId") String sensorId,
      @QueryParam("reason") String reason,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") Integer limit)
      throws SQLException {
    QuarantineGroup.By groupBy =
        Arrays.stream(QuarantineGroup.By.values())
            .filter(g -> g.code().equals(by == null ? "" : by.strip()))
            .findFirst()
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "by", "by must be one of device, sensor, reason, not '" + by + "'"));
    int n = limit == null ? 100 : limit;
    if (n < 1 || n > MAX_GROUPS) {
      throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_GROUPS);
    }
    return quarantine.groups(filter(deviceId, sensorId, reason, from, to), groupBy, n);
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
    if (ids.isEmpty()) {
      int limit = request.limit() == null ? MAX_REINGEST : request.limit();
      if (limit < 1 || limit > MAX_REINGEST) {
        throw new InvalidInputException("limit must be between 1 and " + MAX_REINGEST);
      }
      ids =
          quarantine.ids(
              new QuarantineFilter(
                  request.deviceId(),
                  request.sensorId(),
                  request.reason(),
                  request.from(),
                  request.to()),
              limit);
      audit.put("matching", ids.size());
      if (ids.isEmpty()) {
        return ReingestReportDto.NOTHING;
      }
    }
    audit.put("rows", ids.size());
    ReingestReportDto report = quarantine.reingest(ids);
    audit.put("released", report.released());
    return report;
  }

  private static QuarantineFilter filter(
      String deviceId, String sensorId, String reason, String from, String to) {
    return new QuarantineFilter(
        deviceId,
        sensorId,
        reason,
        QueryParameters.instant("from", from),
        QueryParameters.instant("to", to));
  }
}
