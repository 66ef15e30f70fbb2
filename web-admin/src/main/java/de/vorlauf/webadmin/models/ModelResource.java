package de.vorlauf.webadmin.models;

import de.vorlauf.persistence.models.ChangeRequest;
import de.vorlauf.persistence.models.Registration;
import de.vorlauf.webadmin.audit.AuditDetail;
import de.vorlauf.webadmin.audit.AuditFilter;
import de.vorlauf.webadmin.common.InvalidInputException;
import de.vorlauf.webadmin.experiments.ArtifactResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

/**
 * The model registry: models, versions ({@code champion}, {@code challenger} or a number), the
 * change log, the edge export's downloads; registering a run and moving an alias are operator
 * actions, audited by {@link AuditFilter} ({@code model.register}, {@code model.setAlias}, {@code
 * model.clearAlias}, {@code model.archive}) and logged in the registry's own log, each with the
 * reason the operator gave in the {@value AuditFilter#REASON_HEADER} header (required here).
 */
@Path("/models")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

  @Inject ModelService models;
  @Inject AuditDetail audit;
  @Context SecurityContext security;

  /** A run to register as the model's next version. */
  public record RegisterInput(Long runId, String description) {}

  /** The version an alias goes to. */
  public record AliasInput(Integer version) {}

  @GET
  public List<ModelDto> list() throws SQLException {
    return models.models();
  }

  @GET
  @Path("/{name}")
  public ModelDetailDto model(@PathParam("name") String name) throws SQLException {
    return models.model(name);
  }

  @GET
  @Path("/{name}/versions/{ref}")
  public ModelVersionDto version(@PathParam("name") String name, @PathParam("ref") String ref)
      throws SQLException {
    return models.version(name, ref);
  }

  @GET
  @Path("/{name}/log")
  public List<LogEntryDto> log(@PathParam("name") String name, @QueryParam("version") Integer v)
      throws SQLException {
    return models.log(name, v);
  }

  /** 201 with the new version, or 200 with the version the run already is. */
  @POST
  @Path("/{name}/versions")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(
      @PathParam("name") String name,
      @HeaderParam(AuditFilter.REASON_HEADER) String reason,
      RegisterInput input)
      throws SQLException {
    if (input == null || input.runId() == null) {
      throw new InvalidInputException("runId", "runId is the experiment run to register");
    }
    Registration registration =
        models.register(name, input.runId(), input.description(), why(reason));
    int version = registration.version().version();
    audit.put("run", input.runId()).put("version", version);
    ModelVersionDto body = models.version(name, String.valueOf(version));
    return registration.created()
        ? Response.created(URI.create(ModelLinks.version(name, version))).entity(body).build()
        : Response.ok(body).build();
  }

  @PUT
  @Path("/{name}/aliases/{alias}")
  @Consumes(MediaType.APPLICATION_JSON)
  public ModelDetailDto setAlias(
      @PathParam("name") String name,
      @PathParam("alias") String alias,
      @HeaderParam(AuditFilter.REASON_HEADER) String reason,
      AliasInput input)
      throws SQLException {
    if (input == null || input.version() == null) {
      throw new InvalidInputException("version", "version is the number the alias goes to");
    }
    audit.put("version", input.version());
    return models.moveAlias(name, alias, input.version(), why(reason));
  }

  @DELETE
  @Path("/{name}/aliases/{alias}")
  public ModelDetailDto clearAlias(
      @PathParam("name") String name,
      @PathParam("alias") String alias,
      @HeaderParam(AuditFilter.REASON_HEADER) String reason)
      throws SQLException {
    return models.moveAlias(name, alias, null, why(reason));
  }

  /** Archives a version without an alias; 409 for the champion or the challenger. */
  @POST
  @Path("/{name}/versions/{version}/archive")
  public ModelDetailDto archive(
      @PathParam("name") String name,
      @PathParam("version") int version,
      @HeaderParam(AuditFilter.REASON_HEADER) String reason)
      throws SQLException {
    audit.put("version", version);
    return models.archive(name, version, why(reason));
  }

  @GET
  @Path("/{name}/versions/{ref}/files/{file}")
  @Produces(MediaType.WILDCARD)
  public Response file(
      @PathParam("name") String name, @PathParam("ref") String ref, @PathParam("file") String file)
      throws SQLException {
    return ArtifactResponses.attachment(models.file(name, ref, file), file);
  }

  @GET
  @Path("/{name}/versions/{ref}/bundle.zip")
  @Produces("application/zip")
  public Response bundle(@PathParam("name") String name, @PathParam("ref") String ref)
      throws SQLException {
    String file = name + "-" + ref + ".zip";
    return Response.ok(models.bundle(name, ref), "application/zip")
        .header("Content-Disposition", "attachment; filename=\"" + file.replace("\"", "") + "\"")
        .build();
  }

  /** The operator's reason from the header the UI and the audit log use; required here. */
  private ChangeRequest why(String header) {
    String reason = header == null ? "" : URLDecoder.decode(header, StandardCharsets.UTF_8).strip();
    if (reason.isEmpty()) {
      throw new InvalidInputException(
          "reason",
          "say why: a registry change needs a reason (header "
              + AuditFilter.REASON_HEADER
              + ", percent-encoded UTF-8)");
    }
    return ChangeRequest.of(security.getUserPrincipal().getName(), reason);
  }
}
