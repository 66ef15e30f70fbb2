package de.vorlauf.webadmin.logging;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.sql.SQLException;
import java.util.List;

/**
 * Log levels changed at run time, per kind of process: {@code worker} (every worker applies them
 * within VORLAUF_LOG_LEVEL_POLL) or {@code wildfly} (applied at once). Each change is an operator
 * action in the audit log ({@code logLevel.set}, {@code logLevel.reset}, {@code logLevel.resetAll})
 * with the level before and after.
 */
@Path("/log-levels")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LogLevelResource {

  static final String LOGGER_PATTERN = "[A-Za-z_$][A-Za-z0-9_$.\\-]{0,199}";
  static final String LOGGER_MESSAGE =
      "a logger is a dotted Java name such as de.vorlauf.ingest or io.temporal, or ROOT";
  static final String TARGET_PATTERN = "worker|wildfly";
  static final String TARGET_MESSAGE = "target must be worker or wildfly";

  @Inject LogLevelService levels;

  @GET
  public List<LogLevelDto> list() throws SQLException {
    return levels.list();
  }

  @PUT
  @Path("/{logger}/{target}")
  @Consumes(MediaType.APPLICATION_JSON)
  public LogLevelDto set(
      @PathParam("logger") @Pattern(regexp = LOGGER_PATTERN, message = LOGGER_MESSAGE)
          String logger,
      @PathParam("target") @Pattern(regexp = TARGET_PATTERN, message = TARGET_MESSAGE)
          String target,
      @NotNull(message = "a body {\"level\":\"DEBUG\"} is required") @Valid LevelInput input,
      @Context SecurityContext security)
      throws SQLException {
    return levels.set(target, logger, input.level(), user(security));
  }

  /** Back to the configured level. */
  @DELETE
  @Path("/{logger}/{target}")
  public void reset(
      @PathParam("logger") @Pattern(regexp = LOGGER_PATTERN, message = LOGGER_MESSAGE)
          String logger,
      @PathParam("target") @Pattern(regexp = TARGET_PATTERN, message = TARGET_MESSAGE)
          String target)
      throws SQLException {
    levels.reset(target, logger);
  }

  /** Every logger of the target back to its configured level. */
  @DELETE
  public void resetAll(
      @QueryParam("target")
          @NotNull(message = "target is required: ?target=worker or ?target=wildfly")
          @Pattern(regexp = TARGET_PATTERN, message = TARGET_MESSAGE)
          String target)
      throws SQLException {
    levels.resetAll(target);
  }

  private static String user(SecurityContext security) {
    return security.getUserPrincipal() == null ? "unknown" : security.getUserPrincipal().getName();
  }
}
