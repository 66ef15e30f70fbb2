package de.vorlauf.webadmin.experiments;

import de.vorlauf.persistence.experiments.RunFilter;
import de.vorlauf.persistence.experiments.RunStatus;
import de.vorlauf.webadmin.common.InvalidInputException;
import de.vorlauf.webadmin.common.PageDto;
import de.vorlauf.webadmin.common.Paging;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** Experiments and their runs, filtered; read only (the training activities write them). */
@Path("/experiments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExperimentResource {

  static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";
  static final String NAME_MESSAGE =
      "an experiment name consists of 1 to 100 letters, digits, '.', '_' or '-'";

  @Inject ExperimentService experiments;

  @GET
  public List<ExperimentDto> list() throws SQLException {
    return experiments.experiments();
  }

  @GET
  @Path("/{name}")
  public ExperimentDto experiment(
      @PathParam("name") @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE) String name)
      throws SQLException {
    return experiments.experiment(name);
  }

  /**
   * @param tag a tag key the run carries; {@code tagValue} the value it must have
   * @param param a parameter key; {@code paramValue} an exact value, {@code paramMin} / {@code
   *     paramMax} a numeric range
   * @param metric a single-valued metric key; {@code metricMin} / {@code metricMax} its range
   */
  @GET
  @Path("/{name}/runs")
  public PageDto<RunDto> runs(
      @PathParam("name") @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE) String name,
      @QueryParam("status") String status,
      @QueryParam("tag") String tag,
      @QueryParam("tagValue") String tagValue,
      @QueryParam("param") String param,
      @QueryParam("paramValue") String paramValue,
      @QueryParam("paramMin") String paramMin,
      @QueryParam("paramMax") String paramMax,
      @QueryParam("metric") String metric,
      @QueryParam("metricMin") String metricMin,
      @QueryParam("metricMax") String metricMax,
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size)
      throws SQLException {
    RunFilter filter =
        new RunFilter(
            name,
            status(status),
            blankToNull(tag),
            blankToNull(tagValue),
            blankToNull(param),
            blankToNull(paramValue),
            number("paramMin", paramMin),
            number("paramMax", paramMax),
            blankToNull(metric),
            number("metricMin", metricMin),
            number("metricMax", metricMax));
    return experiments.runs(filter, Paging.request(page, size));
  }

  private static RunStatus status(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return RunStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "status", "status must be one of RUNNING, FINISHED, FAILED, KILLED, not '" + value + "'");
    }
  }

  private static Double number(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      double d = Double.parseDouble(value.strip());
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidInputException(name, name + " must be a number, not '" + value + "'");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
