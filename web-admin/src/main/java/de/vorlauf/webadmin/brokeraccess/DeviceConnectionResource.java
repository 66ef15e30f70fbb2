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

/** How a device connects: broker, login, topic, example message (no secret). */
@Path("/devices/{deviceId}/connection")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeviceConnectionResource {

  @Inject ConnectionService connections;
  @Context UriInfo uri;

  @GET
  public ConnectionDto get(@PathParam("deviceId") String deviceId) {
    return connections.forDevice(deviceId, uri.getBaseUri());
  }
}
