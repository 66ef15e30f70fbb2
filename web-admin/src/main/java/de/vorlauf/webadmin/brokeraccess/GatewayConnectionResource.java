package de.vorlauf.webadmin.brokeraccess;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** How a gateway connects: broker, login, the topics of its devices, example message. */
@Path("/gateways/{gatewayId}/connection")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GatewayConnectionResource {

  @Inject ConnectionService connections;
  @Context UriInfo uri;

  @GET
  public ConnectionDto get(@PathParam("gatewayId") String gatewayId) {
    return connections.forGateway(gatewayId, uri.getBaseUri());
  }
}
