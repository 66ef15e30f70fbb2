package de.vorlauf.webadmin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuditNamingTest {

  static class GatewayCredentialResource {}

  static class SelfCheckResource {}

  @Test
  void theActionIsTheResourceFeatureAndItsMethod() {
    assertThat(AuditNaming.action(GatewayCredentialResource.class, "revokeAll"))
        .isEqualTo("gatewayCredential.revokeAll");
    assertThat(AuditNaming.action(SelfCheckResource.class, "start")).isEqualTo("selfCheck.start");
  }

  @Test
  void theObjectIsTheFirstPathSegmentInTheSingularAndItsId() {
    List<String> revoke = List.of("devices", "gb-1", "credentials", "7");
    assertThat(AuditNaming.objectType(revoke)).isEqualTo("device");
    assertThat(AuditNaming.objectId(revoke, List.of("gb-1", "7"), null)).isEqualTo("gb-1");

    List<String> reingest = List.of("quarantine", "reingest");
    assertThat(AuditNaming.objectType(reingest)).isEqualTo("quarantine");
    assertThat(AuditNaming.objectId(reingest, List.of(), null)).isNull();

    assertThat(AuditNaming.objectType(List.of("self-checks"))).isEqualTo("self-check");
    assertThat(AuditNaming.objectType(List.of("buildings"))).isEqualTo("building");
  }

  @Test
  void aCreatedObjectIsNamedByItsLocation() {
    assertThat(AuditNaming.objectId(List.of("buildings"), List.of(), "/api/v1/buildings/haus-7"))
        .isEqualTo("haus-7");
  }
}
