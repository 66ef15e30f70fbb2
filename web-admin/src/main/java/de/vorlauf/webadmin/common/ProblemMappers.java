package de.vorlauf.webadmin.common;

import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The errors every feature shares, as application/problem+json with a message a person can act on;
 * feature-specific ones sit with their feature (ingest, workflows, temporal).
 */
public final class ProblemMappers {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemMappers.class);

  private ProblemMappers() {}

  public static Response problem(Response.Status status, String title, String detail, UriInfo uri) {
    return problem(status.getStatusCode(), title, detail, uri);
  }

  public static Response problem(int status, String title, String detail, UriInfo uri) {
    return problem(status, title, detail, uri, null);
  }

  public static Response problem(
      int status, String title, String detail, UriInfo uri, List<ProblemDto.FieldErrorDto> errors) {
    String instance = uri == null ? null : uri.getRequestUri().getPath();
    return Response.status(status)
        .type(ProblemDto.MEDIA_TYPE)
        .entity(ProblemDto.of(status, title, detail, instance, errors))
        .build();
  }

  @Provider
  public static class DatabaseUnavailable implements ExceptionMapper<PersistenceException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(PersistenceException e) {
      LOG.warn("database call failed: {}", e.toString());
      return problem(
          Response.Status.SERVICE_UNAVAILABLE,
          "Database unavailable",
          "The database cannot be used right now; the status page shows why (VORLAUF_DB_URL).",
          uri);
    }
  }

  @Provider
  public static class InvalidInput implements ExceptionMapper<ConstraintViolationException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(ConstraintViolationException e) {
      String detail =
          e.getConstraintViolations().stream()
              .map(ConstraintViolation::getMessage)
              .sorted()
              .collect(Collectors.joining("; "));
      return problem(Response.Status.BAD_REQUEST, "Invalid request", detail, uri);
    }
  }

  @Provider
  public static class Unknown implements ExceptionMapper<UnknownEntityException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(UnknownEntityException e) {
      return problem(Response.Status.NOT_FOUND, "Unknown " + e.kind(), e.getMessage(), uri);
    }
  }

  @Provider
  public static class Conflict implements ExceptionMapper<ConflictException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(ConflictException e) {
      return problem(Response.Status.CONFLICT, e.title(), e.getMessage(), uri);
    }
  }

  @Provider
  public static class Invalid implements ExceptionMapper<InvalidInputException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(InvalidInputException e) {
      return problem(
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
  public static class Database implements ExceptionMapper<SQLException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(SQLException e) {
      LOG.warn("database call failed: {} (SQLSTATE {})", e.getMessage(), e.getSQLState());
      return Response.fromResponse(
              problem(
                  Response.Status.SERVICE_UNAVAILABLE,
                  "Database unavailable",
                  "The database cannot be used right now; the status page shows why.",
                  uri))
          .header(HttpHeaders.RETRY_AFTER, 10)
          .build();
    }
  }

  @Provider
  public static class HttpError implements ExceptionMapper<WebApplicationException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
      Response.StatusType status = e.getResponse().getStatusInfo();
      return problem(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), uri);
    }
  }

  @Provider
  public static class Unexpected implements ExceptionMapper<RuntimeException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(RuntimeException e) {
      String incident = UUID.randomUUID().toString().substring(0, 8);
      LOG.error("incident {}: unexpected error", incident, e);
      return problem(
          Response.Status.INTERNAL_SERVER_ERROR,
          "Unexpected error",
          "Something went wrong on the server; its log names incident " + incident + ".",
          uri);
    }
  }
}
