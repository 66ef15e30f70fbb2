package de.vorlauf.webadmin.registry;

import de.vorlauf.persistence.registry.DeviceFilter;
import de.vorlauf.persistence.registry.DeviceRepository;
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
 * Devices: create, list (paged, filtered, also by gateway), read, update, deactivate and
 * reactivate.
 */
@Path("/devices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeviceResource {

  @Inject DeviceService devices;
  @Inject Validator validator;
  @Context UriInfo uri;

  @GET
  public PageDto<DeviceDto> list(
      @QueryParam("q") String text,
      @QueryParam("buildingId") String buildingId,
      @QueryParam("active") Boolean active,
      @QueryParam("gatewayId") String gatewayId,
      @QueryParam("sort") String sort,
      @QueryParam("dir") String dir,
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size) {
    return devices.list(
        new DeviceFilter(text, buildingId, active, gatewayId),
        Paging.request(page, size),
        SortParameters.registry(sort, dir, DeviceRepository.sortColumns()));
  }

  @POST
  public Response create(DeviceInput input) {
    DeviceInput valid = InputValidation.valid(validator, input);
    DeviceDto created =
        devices.create(
            valid.id().strip(),
            valid.buildingId().strip(),
            blankToNull(valid.description()),
            blankToNull(valid.gatewayId()));
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  @GET
  @Path("{id}")
  public DeviceDto get(@PathParam("id") String id) {
    return devices.get(id);
  }

  @PUT
  @Path("{id}")
  public DeviceDto update(@PathParam("id") String id, DeviceInput input) {
    if (input != null && input.id() != null && !input.id().strip().equals(id)) {
      throw new InvalidInputException(
          "the id of a device cannot change ('"
              + input.id()
              + "' in the body, '"
              + id
              + "' in the URL)");
    }
    DeviceInput valid = InputValidation.valid(validator, input == null ? null : input.withId(id));
    return devices.update(
        id,
        valid.buildingId().strip(),
        blankToNull(valid.description()),
        blankToNull(valid.gatewayId()));
  }

  @POST
  @Path("{id}/deactivate")
  public DeviceDto deactivate(@PathParam("id") String id) {
    return devices.setActive(id, false);
  }

  @POST
  @Path("{id}/reactivate")
  public DeviceDto reactivate(@PathParam("id") String id) {
    return devices.setActive(id, true);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
