package de.vorlauf.webadmin.portfolio;

import de.vorlauf.persistence.portfolio.PortfolioRun;
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

/**
 * {@code /api/v1/portfolio/runs…}: the hourly portfolio optimisation's runs newest first (paged),
 * one run, and a run's failed and skipped buildings. Read-only.
 */
@Path("/portfolio/runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PortfolioResource {

  @Inject PortfolioService portfolio;

  @GET
  public PageDto<PortfolioRunDto> runs(
      @QueryParam("page") Integer page, @QueryParam("size") Integer size) throws SQLException {
    return portfolio.runs(Paging.request(page, size));
  }

  @GET
  @Path("{id: [0-9]+}")
  public PortfolioRunDto run(@PathParam("id") long id) throws SQLException {
    return portfolio.run(id);
  }

  /**
   * @param status {@code failed} or {@code skipped}; both when left out
   */
  @GET
  @Path("{id: [0-9]+}/buildings")
  public PageDto<PortfolioRun.Problem> problems(
      @PathParam("id") long id,
      @QueryParam("status") String status,
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size)
      throws SQLException {
    return portfolio.problems(id, status, Paging.request(page, size));
  }
}
