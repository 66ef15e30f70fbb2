package de.vorlauf.webadmin.workflows;

import de.vorlauf.webadmin.common.ProblemMappers;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 404 problem for a workflow neither Temporal nor the launch table knows. */
@Provider
public class WorkflowNotFoundMapper implements ExceptionMapper<WorkflowNotFoundException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(WorkflowNotFoundException e) {
    return ProblemMappers.problem(
        Response.Status.NOT_FOUND, "Unknown workflow", e.getMessage(), uri);
  }
}
