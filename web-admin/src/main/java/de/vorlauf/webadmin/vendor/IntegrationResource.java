package de.vorlauf.webadmin.vendor;

import de.vorlauf.webadmin.common.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Vendor cloud integrations: their polling workflows started, stopped, paused, resumed and
 * re-timed. Errors: unknown integration 404, workflow not running 409, Temporal down 503.
 */
@Path("/integrations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class IntegrationResource {

  static final String ID_PATTERN = "[A-Za-z0-9_-]{1,63}";
  static final String ID_MESSAGE =
      "an integration id consists of 1 to 63 letters, digits, '-', '_'";
  static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
  static final Duration MAX_INTERVAL = Duration.ofDays(1);

  @Inject IntegrationService integrations;

  @GET
  public List<IntegrationDto> list() {
    return integrations.list();
  }

  @GET
  @Path("/{id}")
  public IntegrationDto get(
      @PathParam("id") @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id) {
    return integrations.get(id);
  }

  @POST
  @Path("/{id}/start")
  public IntegrationDto start(
      @PathParam("id") @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id,
      @Context SecurityContext security) {
    integrations.start(id, user(security));
    return integrations.get(id);
  }

  @POST
  @Path("/{id}/stop")
  public IntegrationDto stop(
      @PathParam("id") @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id,
      @Context SecurityContext security) {
    integrations.stop(id, user(security));
    return integrations.get(id);
  }

  @POST
  @Path("/{id}/pause")
  public IntegrationDto pause(
      @PathParam("id") @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id,
      @Context SecurityContext security) {
    integrations.pause(id, user(security));
    return integrations.get(id);
  }

  @POST
  @Path("/{id}/resume")
  public IntegrationDto resume(
      @PathParam("id") @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id,
      @Context SecurityContext security) {
    integrations.resume(id, user(security));
    return integrations.get(id);
  }

  @PUT
  @Path("/{id}/interval")
  @Consumes(MediaType.APPLICATION_JSON)
  public IntegrationDto interval(
      @PathParam("id") @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id,
      @NotNull(message = "a body {\"interval\":\"PT30S\"} is required") @Valid IntervalInput input,
      @Context SecurityContext security) {
    integrations.setInterval(id, interval(input.interval()), user(security));
    return integrations.get(id);
  }

  static Duration interval(String text) {
    Duration interval;
    try {
      interval = Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("interval must be an ISO-8601 duration such as PT30S");
    }
    if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
      throw new InvalidInputException("interval must be between PT1S and P1D, was " + text);
    }
    return interval;
  }

  private static String user(SecurityContext security) {
    return security.getUserPrincipal() == null ? "unknown" : security.getUserPrincipal().getName();
  }
}
