package de.vorlauf.devstack.broker;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.broker.MosquittoPasswordHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MosquittoAccessBootstrapTest {

  @TempDir Path dir;

  private final MqttLogin worker = new MqttLogin("vorlauf-worker", "worker-secret");
  private final MqttLogin admin = new MqttLogin("vorlauf-admin", "admin-secret");

  @Test
  void writesServiceAccountsOwnerOnlyWithHashesThatMatchTheirPasswords() throws Exception {
    Path access = dir.resolve("access");

    MosquittoAccessBootstrap.write(access, List.of(admin, worker));

    List<String> passwd = entries(access.resolve("passwd"));
    assertThat(passwd).hasSize(2);
    assertThat(passwd.get(0)).startsWith("vorlauf-worker:$7$101$");
    assertThat(MosquittoPasswordHash.verify("worker-secret", passwd.get(0).split(":", 2)[1]))
        .isTrue();
    assertThat(MosquittoPasswordHash.verify("admin-secret", passwd.get(0).split(":", 2)[1]))
        .isFalse();
    assertThat(entries(access.resolve("service-accounts"))).isEqualTo(passwd);
    assertThat(Files.readString(access.resolve("acl")))
        .contains("pattern write greenbox/%u/sensors/#\n")
        .contains("\nuser vorlauf-worker\ntopic read greenbox/+/sensors\n")
        .contains("\nuser vorlauf-admin\ntopic readwrite vorlauf/probe/admin/#\n");
    for (String file : List.of("passwd", "acl", "service-accounts")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(access.resolve(file))))
          .isEqualTo("rw-------");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(access)))
        .isEqualTo("rwx------");
  }

  @Test
  void aRestartKeepsHashesAndTheDevicesTheWorkerExportedButFollowsANewPassword() throws Exception {
    MosquittoAccessBootstrap.write(dir, List.of(worker, admin));
    String device = "gb-0001:$7$101$c2FsdA==$aGFzaA==";
    Files.writeString(
        dir.resolve("passwd"), Files.readString(dir.resolve("passwd")) + device + "\n");
    String before = Files.readString(dir.resolve("passwd"));

    MosquittoAccessBootstrap.write(dir, List.of(worker, admin));
    assertThat(Files.readString(dir.resolve("passwd"))).isEqualTo(before);

    MosquittoAccessBootstrap.write(dir, List.of(new MqttLogin("vorlauf-worker", "new"), admin));
    List<String> passwd = entries(dir.resolve("passwd"));
    assertThat(passwd).hasSize(3).endsWith(device);
    assertThat(MosquittoPasswordHash.verify("new", passwd.get(0).split(":", 2)[1])).isTrue();
    assertThat(passwd.get(1)).isEqualTo(entries(dir.resolve("service-accounts")).get(1));
  }

  private static List<String> entries(Path file) throws Exception {
    return Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).toList();
  }
}
