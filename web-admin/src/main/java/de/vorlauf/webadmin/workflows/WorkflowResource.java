package de.vorlauf.webadmin.workflows;

import de.vorlauf.webadmin.audit.AuditFilter;
import de.vorlauf.webadmin.common.InvalidInputException;
import de.vorlauf.webadmin.temporal.TemporalUiLinks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The workflow explorer's API: executions of every workflow type (filtered, paged by Temporal), one
 * execution with its timeline, its history as a JSON file for {@code WorkflowReplayer}, and cancel
 * / terminate, each with a required reason and audited by {@link AuditFilter} as {@code
 * workflow.cancel} / {@code workflow.terminate} (who, when, why). The self-check's event list
 * ({@code /{id}/history}) stays as it was. Errors: bad filter or missing reason 400, unknown
 * workflow 404, not running 409, Temporal down 503.
 */
@Path("/workflows")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowResource {

  public static final String ID_PATTERN = "[A-Za-z0-9._:-]{1,200}";
  public static final String ID_MESSAGE =
      "a workflow ID consists of 1 to 200 letters, digits, '.', '_', ':' or '-'";
  static final String RUN_PATTERN = "[A-Za-z0-9-]{1,100}";
  static final String RUN_MESSAGE = "a run id consists of letters, digits and '-'";

  @Inject WorkflowInspector inspector;
  @Inject WorkflowExplorer explorer;
  @Inject TemporalUiLinks ui;

  @GET
  public ExecutionListDto list(
      @QueryParam("type") String type,
      @QueryParam("status") String status,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("building") String building,
      @QueryParam("size")
          @DefaultValue("20")
          @Min(value = 1, message = "size must be at least 1")
          @Max(value = WorkflowExplorer.MAX_PAGE_SIZE, message = "size must be at most 100")
          int size,
      @QueryParam("pageToken") String pageToken) {
    return explorer.list(ListFilter.of(type, status, from, to, building), size, pageToken);
  }

  @GET
  @Path("/{id}")
  public ExecutionDetailDto detail(
      @PathParam("id") @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id,
      @QueryParam("run") @Pattern(regexp = RUN_PATTERN, message = RUN_MESSAGE) String run) {
    return explorer.detail(id, run);
  }

  @GET
  @Path("/{id}/history")
  public HistoryDto history(
      @PathParam("id") @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id) {
    return new HistoryDto(
        id,
        inspector.history(id).stream().map(HistoryMapper::toDto).toList(),
        ui.workflow(id).orElse(null));
  }

  /** The run's history as a file: {@code WorkflowExecutionHistory.fromJson} reads it. */
  @GET
  @Path("/{id}/history.json")
  public Response export(
      @PathParam("id") @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id,
      @QueryParam("run") @Pattern(regexp = RUN_PATTERN, message = RUN_MESSAGE) String run) {
    WorkflowExplorer.Export export = explorer.export(id, run);
    return Response.ok(export.json(), MediaType.APPLICATION_JSON_TYPE)
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + export.workflowId() + "_" + export.runId() + ".json\"")
        .build();
  }

  @POST
  @Path("/{id}/cancel")
  public ActionDto cancel(
      @PathParam("id") @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id,
      @QueryParam("run") @Pattern(regexp = RUN_PATTERN, message = RUN_MESSAGE) String run,
      @HeaderParam(AuditFilter.REASON_HEADER) String reason,
      @Context SecurityContext security) {
    return explorer.cancel(
        id, run, security.getUserPrincipal().getName(), requireReason(reason, "cancelling"));
  }

  @POST
  @Path("/{id}/terminate")
  public ActionDto terminate(
      @PathParam("id") @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id,
      @QueryParam("run") @Pattern(regexp = RUN_PATTERN, message = RUN_MESSAGE) String run,
      @HeaderParam(AuditFilter.REASON_HEADER) String reason,
      @Context SecurityContext security) {
    return explorer.terminate(
        id, run, security.getUserPrincipal().getName(), requireReason(reason, "terminating"));
  }

  /**
   * The reason as AuditFilter reads it (percent-encoded UTF-8).
   *
   * @throws InvalidInputException when there is none: nothing is done without one
   */
  static String requireReason(String header, String doing) {
    String text = header == null ? "" : URLDecoder.decode(header, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      throw new InvalidInputException(
          "reason",
          doing + " a workflow needs a reason (header " + AuditFilter.REASON_HEADER + ")");
    }
    return text;
  }
}
