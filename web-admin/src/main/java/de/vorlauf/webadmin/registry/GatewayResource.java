package de.vorlauf.webadmin.registry;

import de.vorlauf.persistence.registry.GatewayFilter;
import de.vorlauf.persistence.registry.GatewayRepository;
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

/**
 * Gateways: create, list (paged, filtered), read, update, deactivate and reactivate. Devices are
 * assigned through their own {@code gatewayId}.
 */
@Path("/gateways")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GatewayResource {

  @Inject GatewayService gateways;
  @Inject Validator validator;
  @Context UriInfo uri;

  @GET
  public PageDto<GatewayDto> list(
      @QueryParam("q") String text,
      @QueryParam("active") Boolean active,
      @QueryParam("sort") String sort,
      @QueryParam("dir") String dir,
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size) {
    return gateways.list(
        new GatewayFilter(text, active),
        Paging.request(page, size),
        SortParameters.registry(sort, dir, GatewayRepository.sortColumns()));
  }

  @POST
  public Response create(GatewayInput input) {
    GatewayInput valid = InputValidation.valid(validator, input);
    GatewayDto created = gateways.create(valid.id().strip(), blankToNull(valid.description()));
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  @GET
  @Path("{id}")
  public GatewayDto get(@PathParam("id") String id) {
    return gateways.get(id);
  }

  @PUT
  @Path("{id}")
  public GatewayDto update(@PathParam("id") String id, GatewayInput input) {
    if (input != null && input.id() != null && !input.id().strip().equals(id)) {
      throw new InvalidInputException(
          "the id of a gateway cannot change ('"
              + input.id()
              + "' in the body, '"
              + id
              + "' in the URL)");
    }
    GatewayInput valid = InputValidation.valid(validator, input == null ? null : input.withId(id));
    return gateways.update(id, blankToNull(valid.description()));
  }

  @POST
  @Path("{id}/deactivate")
  public GatewayDto deactivate(@PathParam("id") String id) {
    return gateways.setActive(id, false);
  }

  @POST
  @Path("{id}/reactivate")
  public GatewayDto reactivate(@PathParam("id") String id) {
    return gateways.setActive(id, true);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
