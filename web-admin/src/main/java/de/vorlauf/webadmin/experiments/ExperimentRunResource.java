package de.vorlauf.webadmin.experiments;

import de.vorlauf.persistence.experiments.Artifact;
import de.vorlauf.webadmin.audit.AuditFilter;
import de.vorlauf.webadmin.common.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One run (its page), a comparison of runs, an artifact's content and pinning. Pinning is an
 * operator action and audited by {@link AuditFilter} as {@code experimentRun.pin}.
 */
@Path("/experiment-runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExperimentRunResource {

  @Inject ExperimentService experiments;

  /** Whether a run's artifacts are kept beyond its experiment's retention. */
  public record PinInput(Boolean pinned) {}

  @GET
  @Path("/{runId}")
  public RunDetailDto run(@PathParam("runId") long runId) throws SQLException {
    return experiments.run(runId);
  }

  /**
   * @param ids two to five run ids separated by commas, in the order of the columns
   */
  @GET
  @Path("/compare")
  public ComparisonDto compare(@QueryParam("ids") String ids) throws SQLException {
    return experiments.compare(parseIds(ids));
  }

  /**
   * The content as stored, after its SHA-256 matched the one recorded when it was logged: 500 with
   * "Artifact corrupted" when it does not, 410 when retention removed it.
   */
  @GET
  @Path("/{runId}/artifacts/{name: .+}")
  @Produces(MediaType.WILDCARD)
  public Response artifact(@PathParam("runId") long runId, @PathParam("name") String name)
      throws SQLException {
    Artifact artifact = experiments.artifact(runId, name);
    return ArtifactResponses.attachment(artifact, name.substring(name.lastIndexOf('/') + 1));
  }

  @PUT
  @Path("/{runId}/pin")
  @Consumes(MediaType.APPLICATION_JSON)
  public RunDto pin(@PathParam("runId") long runId, PinInput input) throws SQLException {
    if (input == null || input.pinned() == null) {
      throw new InvalidInputException("pinned", "pinned must be true or false");
    }
    return experiments.pin(runId, input.pinned());
  }

  private static List<Long> parseIds(String ids) {
    List<Long> result = new ArrayList<>();
    if (ids != null) {
      for (String part : ids.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        try {
          result.add(Long.parseLong(part.strip()));
        } catch (NumberFormatException e) {
          throw new InvalidInputException("ids", "ids must be run ids, not '" + part + "'");
        }
      }
    }
    return result;
  }
}
