package de.vorlauf.webadmin.ops;

import de.vorlauf.persistence.ops.FleetFilter;
import de.vorlauf.persistence.ops.FleetOptimizationFilter;
import de.vorlauf.persistence.ops.FleetSort;
import de.vorlauf.webadmin.common.InvalidInputException;
import de.vorlauf.webadmin.common.PageDto;
import de.vorlauf.webadmin.common.Paging;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The fleet for triage at scale: a page of buildings (searched, filtered to a view such as {@code
 * problems}, sorted) instead of all of them at once, the totals, and one building's devices.
 */
@Path("/ops/fleet")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FleetResource {

  @Inject FleetService fleet;

  /**
   * @param text part of a building's id or name
   * @param view {@code all} (default), {@code problems}, {@code offline}, {@code stale}, {@code
   *     quarantining}, {@code never_seen} or {@code inactive}
   * @param sort {@code id} (default), {@code name}, {@code devices}, {@code offline}, {@code
   *     stale}, {@code never_seen}, {@code last_message}, {@code last_reading}, {@code quarantined}
   * @param dir {@code asc} (default) or {@code desc}
   * @param optimization {@code all} (default), {@code failed} (in the latest finished portfolio
   *     run), {@code fallback} (newest result), {@code rejected} or {@code expired} (newest
   *     command)
   */
  @GET
  public PageDto<FleetBuildingDto> page(
      @QueryParam("q") String text,
      @QueryParam("view") String view,
      @QueryParam("sort") String sort,
      @QueryParam("dir") String dir,
      @QueryParam("optimization") String optimization,
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size)
      throws SQLException {
    FleetFilter filter =
        blank(view)
            ? FleetFilter.ALL
            : FleetFilter.fromCode(view.strip())
                .orElseThrow(() -> invalid("view", view, codes(FleetFilter.values())));
    FleetSort order =
        blank(sort)
            ? FleetSort.ID
            : FleetSort.fromCode(sort.strip())
                .orElseThrow(() -> invalid("sort", sort, codes(FleetSort.values())));
    if (!blank(dir) && !List.of("asc", "desc").contains(dir.strip())) {
      throw invalid("dir", dir, "asc, desc");
    }
    FleetOptimizationFilter optimizationFilter =
        blank(optimization)
            ? FleetOptimizationFilter.ALL
            : FleetOptimizationFilter.fromCode(optimization.strip())
                .orElseThrow(
                    () ->
                        invalid(
                            "optimization", optimization, codes(FleetOptimizationFilter.values())));
    return fleet.page(
        text,
        filter,
        optimizationFilter,
        order,
        "desc".equals(blank(dir) ? null : dir.strip()),
        Paging.request(page, size));
  }

  @GET
  @Path("summary")
  public FleetSummaryDto summary() throws SQLException {
    return fleet.summary();
  }

  @GET
  @Path("{buildingId}/devices")
  public List<FleetDeviceDto> devices(@PathParam("buildingId") String buildingId)
      throws SQLException {
    return fleet.devices(buildingId);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static InvalidInputException invalid(String field, String value, String allowed) {
    return new InvalidInputException(
        field, field + " must be one of " + allowed + ", not '" + value + "'");
  }

  private static String codes(Enum<?>[] values) {
    return Arrays.stream(values)
        .map(v -> v.name().toLowerCase(java.util.Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}
