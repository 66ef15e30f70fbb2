package de.vorlauf.webadmin.heating;

import de.vorlauf.domain.heating.HeatingType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;

/**
 * The heating types a building may have, with their equipment limits and default curves: the admin
 * UI builds its choices from this list, so a new type in the domain appears there by itself.
 */
@Path("/heating-types")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class HeatingTypeResource {

  @GET
  public List<HeatingTypeDto> list() {
    return Arrays.stream(HeatingType.values()).map(HeatingTypeDto::of).toList();
  }
}
