package de.vorlauf.ingest.brokeraccess;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.devstack.broker.MosquittoAccessBootstrap;
import de.vorlauf.devstack.broker.MqttLogin;
import de.vorlauf.devstack.broker.MqttServiceAccounts;
import de.vorlauf.domain.broker.MosquittoPasswordHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher (devstack) writes the broker's first access files; the worker's export takes over
 * later. Both must produce the same bytes for the same accounts, or every start would reload the
 * broker and, worse, the two could grant different rights.
 */
class ServiceAccountDriftTest {

  @TempDir Path dir;

  @Test
  void theLaunchersBootstrapIsWhatTheExportWritesForAnEmptyRegistry() throws Exception {
    MqttLogin worker = new MqttLogin(MqttServiceAccounts.WORKER_USER, "w");
    MqttLogin admin = new MqttLogin(MqttServiceAccounts.ADMIN_USER, "a");
    MosquittoAccessBootstrap.write(dir, List.of(worker, admin));

    ServiceAccountsFile.Content accounts =
        ServiceAccountsFile.read(dir.resolve("service-accounts"));

    assertThat(accounts.problems()).isEmpty();
    assertThat(accounts.logins())
        .extracting(l -> l.account().username())
        .containsExactly(ServiceAccount.WORKER.username(), ServiceAccount.ADMIN.username());
    assertThat(MosquittoPasswordHash.verify("w", accounts.logins().get(0).passwordHash())).isTrue();
    assertThat(Files.readString(dir.resolve("acl")))
        .isEqualTo(MosquittoAccessFiles.aclFile(accounts.logins()));
    assertThat(Files.readString(dir.resolve("passwd")))
        .isEqualTo(MosquittoAccessFiles.passwordFile(accounts.logins(), List.of()));
  }
}
