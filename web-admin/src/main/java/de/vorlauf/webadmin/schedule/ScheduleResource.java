package de.vorlauf.webadmin.schedule;

import de.vorlauf.webadmin.audit.AuditFilter;
import de.vorlauf.webadmin.common.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The declared schedules: list, one, pause (a reason is required: it becomes the schedule's note in
 * Temporal too), unpause, trigger now. Every action is audited by {@link AuditFilter} as {@code
 * schedule.pause} and so on. Errors: unknown schedule 404, not created or in-JVM server 409,
 * Temporal down 503.
 */
@Path("/schedules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

  static final String ID_PATTERN = "[a-z][a-z0-9-]{1,48}";
  static final String ID_MESSAGE = "a schedule id consists of lower-case letters, digits and '-'";

  @Inject ScheduleService schedules;

  @GET
  public List<ScheduleDto> list() {
    return schedules.list();
  }

  @GET
  @Path("/{id}")
  public ScheduleDto get(
      @PathParam("id") @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id) {
    return schedules.get(id);
  }

  @POST
  @Path("/{id}/pause")
  public ScheduleDto pause(
      @PathParam("id") @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id,
      @HeaderParam(AuditFilter.REASON_HEADER) String reason) {
    String text = reason(reason);
    if (text == null) {
      throw new InvalidInputException(
          "reason", "pausing a schedule needs a reason (header " + AuditFilter.REASON_HEADER + ")");
    }
    return schedules.pause(id, text);
  }

  @POST
  @Path("/{id}/unpause")
  public ScheduleDto unpause(
      @PathParam("id") @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id,
      @HeaderParam(AuditFilter.REASON_HEADER) String reason) {
    return schedules.unpause(id, reason(reason));
  }

  @POST
  @Path("/{id}/trigger")
  public ScheduleDto trigger(
      @PathParam("id") @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id) {
    return schedules.trigger(id);
  }

  /** The header as AuditFilter reads it (percent-encoded UTF-8); null when blank. */
  private static String reason(String header) {
    if (header == null) {
      return null;
    }
    String text = URLDecoder.decode(header, StandardCharsets.UTF_8).strip();
    return text.isEmpty() ? null : text;
  }
}
