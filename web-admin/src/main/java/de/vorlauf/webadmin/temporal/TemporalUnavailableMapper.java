package de.vorlauf.webadmin.temporal;

import de.vorlauf.webadmin.common.ProblemMappers;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 503 problem when Temporal cannot be reached or refuses a call. */
@Provider
public class TemporalUnavailableMapper implements ExceptionMapper<TemporalUnavailableException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(TemporalUnavailableException e) {
    return ProblemMappers.problem(
        Response.Status.SERVICE_UNAVAILABLE, "Temporal unavailable", e.getMessage(), uri);
  }
}
