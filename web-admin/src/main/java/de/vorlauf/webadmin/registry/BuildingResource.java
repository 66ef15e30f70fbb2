package de.vorlauf.webadmin.registry;

import de.vorlauf.persistence.registry.BuildingFilter;
import de.vorlauf.persistence.registry.BuildingRepository;
import de.vorlauf.webadmin.common.InputValidation;
import de.vorlauf.webadmin.common.InvalidInputException;
import de.vorlauf.webadmin.common.PageDto;
import de.vorlauf.webadmin.common.Paging;
import de.vorlauf.webadmin.common.SortParameters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Buildings: create, list (paged, filtered), read, replace, deactivate and reactivate. */
@Path("/buildings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BuildingResource {

  @Inject BuildingService buildings;
  @Inject Validator validator;
  @Context UriInfo uri;

  @GET
  public PageDto<BuildingDto> list(
      @QueryParam("q") String text,
      @QueryParam("active") Boolean active,
      @QueryParam("sort") String sort,
      @QueryParam("dir") String dir,
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size) {
    return buildings.list(
        new BuildingFilter(text, active),
        Paging.request(page, size),
        SortParameters.registry(sort, dir, BuildingRepository.sortColumns()));
  }

  @POST
  public Response create(BuildingInput input) {
    BuildingInput valid = InputValidation.valid(validator, input);
    BuildingDto created = buildings.create(valid.id().strip(), RegistryMapper.settings(valid));
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  @GET
  @Path("{id}")
  public BuildingDto get(@PathParam("id") String id) {
    return buildings.get(id);
  }

  @PUT
  @Path("{id}")
  public BuildingDto update(@PathParam("id") String id, BuildingInput input) {
    if (input != null && input.id() != null && !input.id().strip().equals(id)) {
      throw new InvalidInputException(
          "the id of a building cannot change ('"
              + input.id()
              + "' in the body, '"
              + id
              + "' in the URL)");
    }
    BuildingInput valid = InputValidation.valid(validator, input == null ? null : input.withId(id));
    return buildings.update(id, RegistryMapper.settings(valid));
  }

  /** Deactivates the building and all its devices; answers how many devices that stopped. */
  @POST
  @Path("{id}/deactivate")
  public ActivationDto deactivate(@PathParam("id") String id) {
    return buildings.deactivate(id);
  }

  @POST
  @Path("{id}/reactivate")
  public ActivationDto reactivate(@PathParam("id") String id) {
    return buildings.reactivate(id);
  }
}
