package de.vorlauf.webadmin.experiments;

import de.vorlauf.persistence.experiments.ArtifactCorruptedException;
import de.vorlauf.persistence.experiments.ArtifactPurgedException;
import de.vorlauf.webadmin.common.ProblemMappers;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Artifacts that cannot be served, as problem+json that says why. */
public final class ArtifactProblemMappers {

  private static final Logger LOG = LoggerFactory.getLogger(ArtifactProblemMappers.class);

  private ArtifactProblemMappers() {}

  /** The stored bytes fail their checksum: a server-side fault, never served. */
  @Provider
  public static class Corrupted implements ExceptionMapper<ArtifactCorruptedException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(ArtifactCorruptedException e) {
      LOG.error("{}", e.getMessage());
      return ProblemMappers.problem(
          Response.Status.INTERNAL_SERVER_ERROR, "Artifact corrupted", e.getMessage(), uri);
    }
  }

  /** Retention removed the content: gone for good, the description stays on the run's page. */
  @Provider
  public static class Removed implements ExceptionMapper<ArtifactPurgedException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(ArtifactPurgedException e) {
      return ProblemMappers.problem(Response.Status.GONE, "Artifact removed", e.getMessage(), uri);
    }
  }
}
