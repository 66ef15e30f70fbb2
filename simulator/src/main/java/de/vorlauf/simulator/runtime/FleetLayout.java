package de.vorlauf.simulator.runtime;

import de.vorlauf.simulator.physics.BuildingSpec;
import de.vorlauf.simulator.physics.FleetSpecs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is who in a simulated fleet, derived from the settings alone so that a restart with the same
 * seed and size names everything the same (and provisioning finds what it created before).
 *
 * <p>Ids: buildings as {@link FleetSpecs} names them, devices {@code <building>-gb}, gateways
 * {@code <prefix>-gw<nnn>}; a device id never ends like a gateway id, which matters because both
 * share one MQTT user namespace. Cloud installations are numbered from 470001; their buildings get
 * {@link FleetSpecs} ids under {@code <prefix>-cloud} and their Vorlauf device is {@code
 * vc-<installationId>} (what the polling integration maps them to).
 */
public record FleetLayout(
    List<Member> members, Map<String, List<String>> gateways, List<CloudMember> cloud) {

  /** A building with its MQTT device and, in gateway mode, its gateway. */
  public record Member(BuildingSpec spec, String deviceId, String gatewayId) {}

  /** A building the vendor cloud serves (nothing over MQTT). */
  public record CloudMember(BuildingSpec spec, String installationId, String deviceId) {}

  public FleetLayout {
    members = List.copyOf(members);
    gateways = Map.copyOf(gateways);
    cloud = List.copyOf(cloud);
  }

  public static FleetLayout plan(SimulatorSettings settings) {
    List<BuildingSpec> specs =
        FleetSpecs.generate(settings.seed(), settings.buildings(), settings.idPrefix());
    boolean viaGateways = settings.gateways();
    List<Member> members = new ArrayList<>();
    Map<String, List<String>> gateways = new LinkedHashMap<>();
    for (int i = 0; i < specs.size(); i++) {
      BuildingSpec spec = specs.get(i);
      String deviceId = spec.buildingId() + "-gb";
      String gatewayId = null;
      if (viaGateways) {
        gatewayId = "%s-gw%03d".formatted(settings.idPrefix(), i / settings.gatewaySize() + 1);
        gateways.computeIfAbsent(gatewayId, g -> new ArrayList<>()).add(deviceId);
      }
      members.add(new Member(spec, deviceId, gatewayId));
    }
    List<CloudMember> cloud = new ArrayList<>();
    if (settings.cloudInstallations() > 0) {
      List<BuildingSpec> cloudSpecs =
          FleetSpecs.generate(
              settings.seed() * 31 + 7919,
              settings.cloudInstallations(),
              settings.idPrefix() + "-cloud");
      for (int i = 0; i < cloudSpecs.size(); i++) {
        String installationId = String.valueOf(470_001 + i);
        cloud.add(new CloudMember(cloudSpecs.get(i), installationId, "vc-" + installationId));
      }
    }
    return new FleetLayout(members, gateways, cloud);
  }

  public boolean viaGateways() {
    return !gateways.isEmpty();
  }
}
