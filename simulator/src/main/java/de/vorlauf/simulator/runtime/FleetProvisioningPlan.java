package de.vorlauf.simulator.runtime;

import de.vorlauf.simulator.provision.BuildingDefinition;
import de.vorlauf.simulator.provision.CredentialStore;
import de.vorlauf.simulator.provision.FleetProvisioning;
import de.vorlauf.simulator.provision.Principal;
import de.vorlauf.simulator.provision.Provisioner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a fleet layout means for the registry: its buildings, gateways, devices and logins. */
public final class FleetProvisioningPlan {

  private FleetProvisioningPlan() {}

  public static FleetProvisioning.Plan of(FleetLayout layout) {
    List<BuildingDefinition> buildings = new ArrayList<>();
    List<FleetProvisioning.Device> devices = new ArrayList<>();
    List<Principal> principals = new ArrayList<>();
    for (FleetLayout.Member m : layout.members()) {
      buildings.add(
          BuildingDefinition.of(
              m.spec(), "Simulated " + m.spec().type().label() + " " + m.spec().buildingId()));
      devices.add(
          new FleetProvisioning.Device(
              m.deviceId(), m.spec().buildingId(), m.gatewayId(), "simulated GreenBox"));
      if (m.gatewayId() == null) {
        principals.add(new Principal(Principal.Kind.DEVICE, m.deviceId()));
      }
    }
    Map<String, String> gateways = new LinkedHashMap<>();
    layout
        .gateways()
        .forEach(
            (id, members) -> {
              gateways.put(id, "simulated gateway for " + members.size() + " devices");
              principals.add(new Principal(Principal.Kind.GATEWAY, id));
            });
    for (FleetLayout.CloudMember c : layout.cloud()) {
      buildings.add(
          BuildingDefinition.of(
              c.spec(), "Vendor cloud installation " + c.installationId() + " (simulated)"));
      devices.add(
          new FleetProvisioning.Device(
              c.deviceId(),
              c.spec().buildingId(),
              null,
              "vendor cloud installation " + c.installationId() + ", polled"));
    }
    return new FleetProvisioning.Plan(buildings, gateways, devices, principals);
  }

  static FleetProvisioning.Result provision(
      FleetLayout layout, Provisioner provisioner, CredentialStore store) {
    return FleetProvisioning.provision(of(layout), provisioner, store, 4);
  }
}
