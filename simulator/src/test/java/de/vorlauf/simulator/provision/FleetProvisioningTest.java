package de.vorlauf.simulator.provision;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.domain.heating.HeatingType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetProvisioningTest {

  @TempDir Path state;

  /** A registry in memory: what exists, and which token is valid for whom. */
  private static final class MemoryRegistry implements Provisioner {
    final Map<String, String> valid = new HashMap<>();
    final Map<String, RegisteredBuilding> buildings = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    int issued;

    @Override
    public synchronized RegisteredBuilding ensureBuilding(BuildingDefinition building) {
      calls.add("building " + building.id());
      return buildings.computeIfAbsent(
          building.id(), id -> new RegisteredBuilding(building.config(), Instant.EPOCH));
    }

    @Override
    public synchronized List<RegisteredBuilding> readBuildings(Collection<String> ids) {
      return ids.stream().map(buildings::get).filter(Objects::nonNull).toList();
    }

    @Override
    public void ensureGateway(String gatewayId, String description) {
      calls.add("gateway " + gatewayId);
    }

    @Override
    public void ensureDevice(String deviceId, String buildingId, String gatewayId, String d) {
      calls.add("device " + deviceId + "@" + gatewayId);
    }

    @Override
    public boolean credentialValid(Principal principal, String token) {
      return token.equals(valid.get(principal.id()));
    }

    @Override
    public String issueCredential(Principal principal) {
      String token = "vlf_" + principal.id() + "_" + ++issued;
      valid.put(principal.id(), token);
      return token;
    }
  }

  private static FleetProvisioning.Plan plan() {
    BuildingDefinition b =
        new BuildingDefinition(
            "B1", BuildingConfig.defaults("b1", HeatingType.GAS, ZoneId.of("Europe/Berlin")));
    return new FleetProvisioning.Plan(
        List.of(b),
        Map.of("gw1", "gateway"),
        List.of(new FleetProvisioning.Device("d1", "b1", "gw1", "device")),
        List.of(new Principal(Principal.Kind.GATEWAY, "gw1")));
  }

  @Test
  void issuesOnceStoresPrivatelyAndReusesValidTokensOnRestart() throws Exception {
    MemoryRegistry registry = new MemoryRegistry();
    Map<String, String> first =
        FleetProvisioning.provision(plan(), registry, CredentialStore.open(state), 2).tokens();
    assertThat(registry.calls).containsExactly("building b1", "gateway gw1", "device d1@gw1");
    assertThat(first).containsEntry("gw1", "vlf_gw1_1");
    Path file = state.resolve(CredentialStore.FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");

    Map<String, String> second =
        FleetProvisioning.provision(plan(), registry, CredentialStore.open(state), 2).tokens();
    assertThat(second).isEqualTo(first);
    assertThat(registry.issued).isEqualTo(1);
  }

  @Test
  void reissuesATokenTheRegistryNoLongerKnows() {
    MemoryRegistry registry = new MemoryRegistry();
    FleetProvisioning.provision(plan(), registry, CredentialStore.open(state), 1);
    registry.valid.clear(); // e.g. a fresh database with the old state folder

    Map<String, String> again =
        FleetProvisioning.provision(plan(), registry, CredentialStore.open(state), 1).tokens();

    assertThat(again).containsEntry("gw1", "vlf_gw1_2");
    assertThat(CredentialStore.open(state).token(new Principal(Principal.Kind.GATEWAY, "gw1")))
        .contains("vlf_gw1_2");
  }

  @Test
  void theSimulationGetsTheRegistrysEntryNotThePlans() {
    MemoryRegistry registry = new MemoryRegistry();
    BuildingConfig changedByOps =
        BuildingConfig.defaults("b1", HeatingType.GAS, ZoneId.of("Europe/Berlin"))
            .withCurve(new HeatingCurve(40, 1.2, 25, 70));
    registry.buildings.put("b1", new RegisteredBuilding(changedByOps, Instant.EPOCH));

    FleetProvisioning.Result result =
        FleetProvisioning.provision(plan(), registry, CredentialStore.open(state), 1);

    assertThat(result.buildings().get("b1").config()).isEqualTo(changedByOps);
  }
}
