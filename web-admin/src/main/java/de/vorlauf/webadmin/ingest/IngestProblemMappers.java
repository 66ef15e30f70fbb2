package de.vorlauf.webadmin.ingest;

import de.vorlauf.webadmin.common.ProblemDto;
import de.vorlauf.webadmin.common.ProblemMappers;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * problem+json for the errors of device ingestion: busy (503 + Retry-After), too large (413),
 * nothing usable (400, 403, 404 with the quarantine reasons).
 */
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

  @Provider
  public static class Refused implements ExceptionMapper<IngestRefusedException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(IngestRefusedException e) {
      return Response.status(e.status())
          .type(ProblemDto.MEDIA_TYPE)
          .entity(
              new IngestProblemDto(
                  "about:blank",
                  e.title(),
                  e.status(),
                  e.getMessage(),
                  uri.getRequestUri().getPath(),
                  e.quarantined()))
          .build();
    }
  }
}
