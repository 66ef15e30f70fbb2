package de.vorlauf.webadmin.ops;

import de.vorlauf.persistence.ops.QuarantineSearch;
import de.vorlauf.webadmin.registry.InvalidInputException;
import de.vorlauf.webadmin.rest.QueryParameters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** The quarantine grouped by device, sensor or reason, with the same filters as its rows. */
@Path("/quarantine/groups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QuarantineGroupsResource {

  static final int MAX_GROUPS = 500;

  @Inject QuarantineBrowser quarantine;

  /**
   * @param by {@code device}, {@code sensor} or {@code reason}
   * @param limit the largest groups first, at most this many (default 100, at most 500)
   */
  @GET
  public List<QuarantineGroupDto> groups(
      @QueryParam("by") String by,
      @QueryParam("deviceId") String deviceId,
      @QueryParam("sensorId") String sensorId,
      @QueryParam("reason") String reason,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") Integer limit)
      throws SQLException {
    QuarantineSearch.GroupBy groupBy =
        Arrays.stream(QuarantineSearch.GroupBy.values())
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
    return quarantine.groups(
        new QuarantineSearch.Criteria(
            deviceId,
            sensorId,
            reason,
            QueryParameters.instant("from", from),
            QueryParameters.instant("to", to)),
        groupBy,
        n);
  }
}
