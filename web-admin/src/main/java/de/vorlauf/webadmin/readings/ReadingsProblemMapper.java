package de.vorlauf.webadmin.readings;

import de.vorlauf.webadmin.common.ProblemDto;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused readings request as application/problem+json, whatever the request accepted. */
@Provider
public class ReadingsProblemMapper implements ExceptionMapper<ReadingsRequestException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(ReadingsRequestException e) {
    String instance = uri == null ? null : uri.getRequestUri().getPath();
    return Response.status(e.status())
        .type(ProblemDto.MEDIA_TYPE)
        .entity(ProblemDto.of(e.status(), e.title(), e.getMessage(), instance))
        .build();
  }
}
