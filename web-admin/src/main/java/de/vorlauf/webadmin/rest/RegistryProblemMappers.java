package de.vorlauf.webadmin.rest;

import de.vorlauf.webadmin.ingest.BodyTooLargeException;
import de.vorlauf.webadmin.ingest.IngestBusyException;
import de.vorlauf.webadmin.registry.ConflictException;
import de.vorlauf.webadmin.registry.InvalidInputException;
import de.vorlauf.webadmin.registry.UnknownEntityException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** problem+json for the registry, ingestion and quarantine errors. */
public final class RegistryProblemMappers {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryProblemMappers.class);

  private RegistryProblemMappers() {}

  @Provider
  public static class Unknown implements ExceptionMapper<UnknownEntityException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(UnknownEntityException e) {
      String kind = e.kind();
      return ProblemMappers.problem(
          Response.Status.NOT_FOUND, "Unknown " + kind, e.getMessage(), uri);
    }
  }

  @Provider
  public static class Conflict implements ExceptionMapper<ConflictException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(ConflictException e) {
      return ProblemMappers.problem(Response.Status.CONFLICT, e.title(), e.getMessage(), uri);
    }
  }

  @Provider
  public static class Invalid implements ExceptionMapper<InvalidInputException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(InvalidInputException e) {
      return ProblemMappers.problem(
          Response.Status.BAD_REQUEST.getStatusCode(),
          "Invalid request",
          String.join("; ", e.messages()),
          uri,
          e.fieldErrors().stream()
              .map(f -> new ProblemDto.FieldErrorDto(f.field(), f.message()))
              .toList());
    }
  }

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
  public static class Database implements ExceptionMapper<SQLException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(SQLException e) {
      LOG.warn("database call failed: {} (SQLSTATE {})", e.getMessage(), e.getSQLState());
      return Response.fromResponse(
              ProblemMappers.problem(
                  Response.Status.SERVICE_UNAVAILABLE,
                  "Database unavailable",
                  "The database cannot be used right now; the status page shows why.",
                  uri))
          .header(HttpHeaders.RETRY_AFTER, 10)
          .build();
    }
  }
}
