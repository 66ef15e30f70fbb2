package de.vorlauf.ingest.brokeraccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.domain.broker.MosquittoAcl;
import de.vorlauf.persistence.brokeraccess.DeviceAccess;
import de.vorlauf.persistence.brokeraccess.GatewayAccess;
import java.util.List;
import org.junit.jupiter.api.Test;

class MosquittoAccessFilesTest {

  private static final ServiceAccountLogin WORKER =
      new ServiceAccountLogin(ServiceAccount.WORKER, "$7$101$w$W");
  private static final ServiceAccountLogin ADMIN =
      new ServiceAccountLogin(ServiceAccount.ADMIN, "$7$101$a$A");

  @Test
  void passwordFileListsServiceAccountsThenDevicesSortedAndIsStable() {
    List<DeviceAccess> devices =
        List.of(
            new DeviceAccess("gb-0002", "$7$101$b$B"), new DeviceAccess("gb-0001", "$7$101$a$A"));

    String file = MosquittoAccessFiles.passwordFile(List.of(ADMIN, WORKER), devices);

    assertThat(file.lines().filter(l -> !l.startsWith("#")))
        .containsExactly(
            "vorlauf-worker:$7$101$w$W",
            "vorlauf-admin:$7$101$a$A",
            "gb-0001:$7$101$a$A",
            "gb-0002:$7$101$b$B");
    assertThat(
            MosquittoAccessFiles.passwordFile(
                List.of(WORKER, ADMIN), List.of(devices.get(1), devices.get(0))))
        .isEqualTo(file);
  }

  @Test
  void aclConfinesEveryDeviceToItsOwnTopicsByPattern() {
    String acl = MosquittoAccessFiles.aclFile(List.of());

    assertThat(acl.lines().filter(l -> !l.startsWith("#") && !l.isBlank()))
        .containsExactly(
            "pattern write greenbox/%u/sensors",
            "pattern write greenbox/%u/sensors/#",
            "pattern read greenbox/%u/commands/#",
            "pattern write greenbox/%u/commands/ack",
            "pattern write greenbox/%u/backlog",
            "pattern read greenbox/%u/backlog/ack");
    assertThat(acl).doesNotContain("\ntopic ");
  }

  @Test
  void aclGivesEachServiceAccountPresentItsOwnSection() {
    String acl = MosquittoAccessFiles.aclFile(List.of(ADMIN, WORKER));

    assertThat(acl)
        .contains(
            "\nuser vorlauf-worker\n"
                + "topic read greenbox/+/sensors\n"
                + "topic read greenbox/+/sensors/#\n"
                + "topic read greenbox/+/backlog\n"
                + "topic write greenbox/+/backlog/ack\n"
                + "topic write greenbox/+/commands/setpoint\n"
                + "topic read greenbox/+/commands/ack\n"
                + "topic readwrite vorlauf/self-check/#\n")
        .contains(
            "\nuser vorlauf-admin\n"
                + "topic readwrite vorlauf/probe/admin/#\n"
                + "topic read $SYS/broker/version\n")
        .doesNotContain("vorlauf-simulator");
    assertThat(acl.indexOf("user vorlauf-worker")).isLessThan(acl.indexOf("user vorlauf-admin"));
  }

  @Test
  void deviceIdsThatCouldEscapeTheirTopicsAreNotUserNames() {
    assertThat(MosquittoAccessFiles.DEVICE_ID.matcher("gb-0001").matches()).isTrue();
    assertThat(MosquittoAccessFiles.DEVICE_ID.matcher("GB_7.a").matches()).isTrue();
    for (String bad : List.of("+", "#", "a/b", "a+", "a#", "a:b", " a", "-a", "", "a\nb")) {
      assertThat(MosquittoAccessFiles.DEVICE_ID.matcher(bad).matches()).as(bad).isFalse();
    }
  }

  @Test
  void aHashWithALineBreakIsRefused() {
    assertThatThrownBy(
            () ->
                MosquittoAccessFiles.passwordFile(
                    List.of(), List.of(new DeviceAccess("gb-1", "$7$x\ngb-2:$7$y"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gb-1");
  }

  @Test
  void aGatewaySectionNamesExactlyTheTopicsOfItsDevices() {
    GatewayAccess gateway = new GatewayAccess("gw-1", "$7$101$g$G", List.of("gb-0001", "gb-0002"));

    String acl = MosquittoAccessFiles.aclFile(List.of(WORKER), List.of(gateway));

    assertThat(acl)
        .endsWith(
            "\nuser gw-1\n"
                + "topic write greenbox/gb-0001/sensors\n"
                + "topic write greenbox/gb-0001/sensors/#\n"
                + "topic read greenbox/gb-0001/commands/#\n"
                + "topic write greenbox/gb-0001/commands/ack\n"
                + "topic write greenbox/gb-0001/backlog\n"
                + "topic read greenbox/gb-0001/backlog/ack\n"
                + "topic write greenbox/gb-0002/sensors\n"
                + "topic write greenbox/gb-0002/sensors/#\n"
                + "topic read greenbox/gb-0002/commands/#\n"
                + "topic write greenbox/gb-0002/commands/ack\n"
                + "topic write greenbox/gb-0002/backlog\n"
                + "topic read greenbox/gb-0002/backlog/ack\n");
    // the device patterns stay, and stay ahead of every user section
    assertThat(acl.indexOf("pattern write greenbox/%u/sensors\n"))
        .isLessThan(acl.indexOf("\nuser "));
  }

  @Test
  void gatewaySectionsAreSortedAndAGatewayWithoutDevicesGetsNoTopic() {
    String acl =
        MosquittoAccessFiles.aclFile(
            List.of(),
            List.of(
                new GatewayAccess("gw-b", "$7$b", List.of("d-2")),
                new GatewayAccess("gw-a", "$7$a", List.of())));

    assertThat(acl.lines().filter(l -> !l.startsWith("pattern ") && !l.startsWith("# Dev")))
        .containsSubsequence("user gw-a", "# no active devices assigned", "user gw-b")
        .filteredOn(l -> l.startsWith("topic "))
        .allMatch(l -> l.contains("greenbox/d-2/"));
  }

  @Test
  void passwordFileListsGatewaysAfterDevices() {
    String file =
        MosquittoAccessFiles.passwordFile(
            List.of(WORKER),
            List.of(new DeviceAccess("gb-0001", "$7$101$d$D")),
            List.of(
                new GatewayAccess("gw-2", "$7$101$2$2", List.of("gb-0001")),
                new GatewayAccess("gw-1", "$7$101$1$1", List.of())));

    assertThat(file.lines().filter(l -> !l.startsWith("#")))
        .containsExactly(
            "vorlauf-worker:$7$101$w$W",
            "gb-0001:$7$101$d$D",
            "gw-1:$7$101$1$1",
            "gw-2:$7$101$2$2");
  }

  @Test
  void anIdThatCouldWidenAGatewayRuleIsRefused() {
    for (GatewayAccess bad :
        List.of(
            new GatewayAccess("gw-1", "$7$x", List.of("+")),
            new GatewayAccess("gw-1", "$7$x", List.of("a/#")),
            new GatewayAccess("gw-1", "$7$x", List.of("a\ntopic readwrite #")),
            new GatewayAccess("gw\nuser x", "$7$x", List.of("a")))) {
      assertThatThrownBy(() -> MosquittoAccessFiles.aclFile(List.of(), List.of(bad)))
          .as(bad.deviceIds().toString())
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** The embedded HiveMQ reads this same file (one source of truth): every line must parse. */
  @Test
  void theRenderedAclGrantsWhatItSaysWhenReadWithMosquittosRules() {
    GatewayAccess gateway = new GatewayAccess("gw-1", "$7$101$g$G", List.of("dev-a"));
    MosquittoAcl acl =
        MosquittoAcl.parse(MosquittoAccessFiles.aclFile(List.of(WORKER), List.of(gateway)));

    assertThat(acl.rulesFor("dev-b", "c"))
        .extracting(MosquittoAcl.Rule::topic)
        .containsExactlyElementsOf(
            MosquittoAccessFiles.DEVICE_PATTERNS.stream()
                .map(p -> p.substring(p.lastIndexOf(' ') + 1).replace("%u", "dev-b"))
                .toList());
    assertThat(acl.rulesFor("gw-1", "c"))
        .extracting(MosquittoAcl.Rule::topic)
        .startsWith(
            MosquittoAccessFiles.GATEWAY_DEVICE_RULES.stream()
                .map(p -> p.substring(p.lastIndexOf(' ') + 1).replace("%s", "dev-a"))
                .toArray(String[]::new));
    assertThat(acl.rulesFor(ServiceAccount.WORKER.username(), "c"))
        .extracting(
            r -> "topic " + r.access().name().toLowerCase(java.util.Locale.ROOT) + " " + r.topic())
        .startsWith(ServiceAccount.WORKER.aclRules().toArray(String[]::new));
  }
}
