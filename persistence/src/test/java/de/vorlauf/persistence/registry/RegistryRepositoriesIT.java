package de.vorlauf.persistence.registry;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.persistence.RepositoryDatabase;
import de.vorlauf.persistence.paging.Page;
import de.vorlauf.persistence.paging.PageRequest;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry repositories' queries against a real, migrated PostgreSQL: list filters, paging and
 * counts, the bulk deactivation of a building's devices, and which credentials count as valid.
 * Every test works on ids of its own prefix, so tests do not see each other's rows.
 */
class RegistryRepositoriesIT {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir static Path dbDir;
  private static RepositoryDatabase db;

  @BeforeAll
  static void start() {
    db = RepositoryDatabase.start(dbDir);
  }

  @AfterAll
  static void stop() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void buildingsAreFilteredByIdOrNameAndStateAndPagedByIdWithTheCountOfAllMatches()
      throws SQLException {
    building("lst-c", "Nordhaus");
    building("lst-a", "Altbau");
    building("lst-b", "Schule");
    db.execute("UPDATE buildings SET active = false WHERE id = 'lst-b'");

    Page<BuildingRegistration> first =
        db.inTransaction(
            em ->
                new BuildingRepository(em)
                    .list(new BuildingFilter("LST-", null), new PageRequest(0, 2)));
    Page<BuildingRegistration> second =
        db.inTransaction(
            em ->
                new BuildingRepository(em)
                    .list(new BuildingFilter(" lst- ", null), new PageRequest(1, 2)));

    assertThat(ids(first.items(), BuildingRegistration::getId)).containsExactly("lst-a", "lst-b");
    assertThat(first.total()).isEqualTo(3);
    assertThat(ids(second.items(), BuildingRegistration::getId)).containsExactly("lst-c");
    assertThat(buildings(new BuildingFilter("nord", null))).containsExactly("lst-c");
    assertThat(buildings(new BuildingFilter("lst-", false))).containsExactly("lst-b");
    assertThat(buildings(new BuildingFilter("lst-", true))).containsExactly("lst-a", "lst-c");
  }

  @Test
  void devicesAreFilteredByTextBuildingGatewayAndState() throws SQLException {
    building("dev-b1", "One");
    building("dev-b2", "Two");
    db.execute(
        "INSERT INTO gateways (id) VALUES ('dev-gw')",
        "INSERT INTO devices (id, building_id, description, gateway_id)"
            + " VALUES ('dev-1', 'dev-b1', 'Heizraum links', 'dev-gw')",
        "INSERT INTO devices (id, building_id) VALUES ('dev-2', 'dev-b1')",
        "INSERT INTO devices (id, building_id, active) VALUES ('dev-3', 'dev-b2', false)");

    assertThat(devices(new DeviceFilter("dev-", null, null, null)))
        .containsExactly("dev-1", "dev-2", "dev-3");
    assertThat(devices(new DeviceFilter("HEIZRAUM", null, null, null))).containsExactly("dev-1");
    assertThat(devices(new DeviceFilter("dev-", "dev-b1", null, null)))
        .containsExactly("dev-1", "dev-2");
    assertThat(devices(new DeviceFilter(null, null, null, "dev-gw"))).containsExactly("dev-1");
    assertThat(devices(new DeviceFilter("dev-", null, false, null))).containsExactly("dev-3");
    // the building comes along (join fetch): readable after the transaction
    Page<DeviceRegistration> page =
        db.inTransaction(
            em ->
                new DeviceRepository(em)
                    .list(new DeviceFilter("dev-3", null, null, null), new PageRequest(0, 10)));
    assertThat(page.items().get(0).getBuilding().getId()).isEqualTo("dev-b2");
    assertThat(page.total()).isOne();
  }

  @Test
  void deactivatingABuildingsDevicesCountsOnlyTheActiveOnesOfThatBuilding() throws SQLException {
    building("off-b", "Off");
    building("off-other", "Other");
    db.execute(
        "INSERT INTO devices (id, building_id) VALUES ('off-1', 'off-b'), ('off-2', 'off-b')",
        "INSERT INTO devices (id, building_id, active) VALUES ('off-3', 'off-b', false)",
        "INSERT INTO devices (id, building_id) VALUES ('off-4', 'off-other')");

    int stopped = db.inTransaction(em -> new DeviceRepository(em).deactivateAllOf("off-b", NOW));

    assertThat(stopped).isEqualTo(2);
    assertThat(devices(new DeviceFilter("off-", null, true, null))).containsExactly("off-4");
    DeviceRegistration off1 = db.inTransaction(em -> new DeviceRepository(em).find("off-1")).get();
    assertThat(off1.getUpdatedAt()).isEqualTo(NOW);
  }

  @Test
  void gatewaysAreFilteredByIdOrDescriptionAndState() throws SQLException {
    db.execute(
        "INSERT INTO gateways (id, description) VALUES ('gw-x1', 'Keller Nord')",
        "INSERT INTO gateways (id) VALUES ('gw-x2')",
        "INSERT INTO gateways (id, active) VALUES ('gw-x3', false)");

    assertThat(gateways(new GatewayFilter("gw-x", null)))
        .containsExactly("gw-x1", "gw-x2", "gw-x3");
    assertThat(gateways(new GatewayFilter("keller", null))).containsExactly("gw-x1");
    assertThat(gateways(new GatewayFilter("gw-x", false))).containsExactly("gw-x3");
  }

  @Test
  void onlyCredentialsNeitherRevokedNorExpiredAreValidAndFindTheirDevice() throws SQLException {
    building("cr-b", "Cred");
    db.execute("INSERT INTO devices (id, building_id) VALUES ('cr-d', 'cr-b')");
    DeviceToken expired = DeviceToken.generate();
    DeviceToken revoked = DeviceToken.generate();
    DeviceToken expiring = DeviceToken.generate();
    DeviceToken valid = DeviceToken.generate();
    db.inTransaction(
        em -> {
          CredentialRepository credentials = new CredentialRepository(em);
          Instant earlier = NOW.minus(Duration.ofDays(1));
          Credential e = CredentialOwner.DEVICE.newCredential("cr-d", expired, "ops", earlier);
          credentials.add(e);
          e.expireAt(NOW.minusSeconds(1));
          Credential r = CredentialOwner.DEVICE.newCredential("cr-d", revoked, "ops", earlier);
          credentials.add(r);
          r.revoke("ops", earlier);
          Credential x = CredentialOwner.DEVICE.newCredential("cr-d", expiring, "ops", earlier);
          credentials.add(x);
          x.expireAt(NOW.plusSeconds(60));
          credentials.add(CredentialOwner.DEVICE.newCredential("cr-d", valid, "ops", NOW));
          return null;
        });

    List<String> validHints =
        db.inTransaction(
            em ->
                new CredentialRepository(em)
                    .validAt(CredentialOwner.DEVICE, "cr-d", NOW).stream()
                        .map(Credential::getTokenHint)
                        .sorted()
                        .toList());
    List<String> allNewestFirst =
        db.inTransaction(
            em ->
                new CredentialRepository(em)
                    .list(CredentialOwner.DEVICE, "cr-d").stream()
                        .map(Credential::getTokenHint)
                        .toList());

    assertThat(validHints).containsExactlyElementsOf(sorted(expiring.hint(), valid.hint()));
    assertThat(allNewestFirst)
        .containsExactly(valid.hint(), expiring.hint(), revoked.hint(), expired.hint());
    assertThat(deviceWithToken(valid)).contains("cr-d");
    assertThat(deviceWithToken(expiring)).contains("cr-d");
    assertThat(deviceWithToken(expired)).isEmpty();
    assertThat(deviceWithToken(revoked)).isEmpty();
    assertThat(deviceWithToken(DeviceToken.generate())).isEmpty();
  }

  @Test
  void gatewayCredentialsAreKeptApartFromDeviceCredentials() throws SQLException {
    db.execute("INSERT INTO gateways (id) VALUES ('cr-gw')");
    DeviceToken token = DeviceToken.generate();
    long id =
        db.inTransaction(
            em -> {
              Credential c = CredentialOwner.GATEWAY.newCredential("cr-gw", token, "ops", NOW);
              new CredentialRepository(em).add(c);
              return c.getId();
            });

    List<Credential> valid =
        db.inTransaction(
            em -> new CredentialRepository(em).validAt(CredentialOwner.GATEWAY, "cr-gw", NOW));
    Optional<Credential> found =
        db.inTransaction(em -> new CredentialRepository(em).find(CredentialOwner.GATEWAY, id));

    assertThat(valid).extracting(Credential::getOwnerId).containsExactly("cr-gw");
    assertThat(found).get().isInstanceOf(GatewayCredential.class);
    // a gateway's token is an MQTT password, never a REST ingestion token
    assertThat(deviceWithToken(token)).isEmpty();
  }

  private static void building(String id, String name) throws SQLException {
    db.execute(
        "INSERT INTO buildings (id, name, time_zone, heating_type) VALUES ('"
            + id
            + "', '"
            + name
            + "', 'Europe/Berlin', 'gas')");
  }

  private static List<String> buildings(BuildingFilter filter) {
    return db.inTransaction(
        em ->
            ids(
                new BuildingRepository(em).list(filter, new PageRequest(0, 50)).items(),
                BuildingRegistration::getId));
  }

  private static List<String> devices(DeviceFilter filter) {
    return db.inTransaction(
        em ->
            ids(
                new DeviceRepository(em).list(filter, new PageRequest(0, 50)).items(),
                DeviceRegistration::getId));
  }

  private static List<String> gateways(GatewayFilter filter) {
    return db.inTransaction(
        em ->
            ids(
                new GatewayRepository(em).list(filter, new PageRequest(0, 50)).items(),
                GatewayRegistration::getId));
  }

  private static Optional<String> deviceWithToken(DeviceToken token) {
    return db.inTransaction(em -> new CredentialRepository(em).deviceWithToken(token.value(), NOW));
  }

  private static <T> List<String> ids(List<T> items, Function<T, String> id) {
    return items.stream().map(id).toList();
  }

  private static List<String> sorted(String... values) {
    return Arrays.stream(values).sorted().toList();
  }
}
