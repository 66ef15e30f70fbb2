package de.vorlauf.webadmin.ingest;

import de.vorlauf.webadmin.common.ProblemMappers;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** problem+json for the errors of device ingestion: busy (503 + Retry-After), too large (413). */
public final class IngestProblemMappers {

  private IngestProblemMappers() {}

  @Provider
  public static class Busy implements ExceptionMapper<IngestBusyException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(IngestBusyException e) {
      return Response.fromResponse(
              ProblemMappers.problem(
                  Response.Status.SERVICE_UNAVAILABLE, "Ingestion busy", e.getMessage(), uri))
          .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
          .build();
    }
  }

  @Provider
  public static class TooLarge implements ExceptionMapper<BodyTooLargeException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(BodyTooLargeException e) {
      return ProblemMappers.problem(
          Response.Status.REQUEST_ENTITY_TOO_LARGE,
          "Body too large",
          e.getMessage() + "; split the readings into several requests",
          uri);
    }
  }
}
