package de.vorlauf.webadmin.models;

import de.vorlauf.persistence.models.RegistryRefusedException;
import de.vorlauf.persistence.models.UnknownModelException;
import de.vorlauf.webadmin.common.ProblemMappers;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The registry's answers as problem+json: its rules' refusals, unknown models, missing files. */
public final class RegistryProblemMappers {

  private RegistryProblemMappers() {}

  /** The rules refused the change: the state is in the way, the reason says how (409). */
  @Provider
  public static class Refused implements ExceptionMapper<RegistryRefusedException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(RegistryRefusedException e) {
      return ProblemMappers.problem(
          Response.Status.CONFLICT, "Refused by the registry's rules", e.getMessage(), uri);
    }
  }

  @Provider
  public static class UnknownModel implements ExceptionMapper<UnknownModelException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(UnknownModelException e) {
      return ProblemMappers.problem(
          Response.Status.NOT_FOUND, "Unknown model", e.getMessage(), uri);
    }
  }

  @Provider
  public static class FileMissing implements ExceptionMapper<ModelFileMissingException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(ModelFileMissingException e) {
      return ProblemMappers.problem(
          Response.Status.NOT_FOUND, "File not available", e.getMessage(), uri);
    }
  }
}
