package de.vorlauf.webadmin.status;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** GET /api/v1/status: every service probed live, plus the recent workflows. */
@Path("/status")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

  @Inject StatusPage page;

  @GET
  public StatusDto get() {
    return page.now();
  }
}
