package de.vorlauf.ingest.brokeraccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceAccountsFileTest {

  @Test
  void readsMosquittoPasswordLinesOfKnownAccountsOnly() {
    ServiceAccountsFile.Content content =
        ServiceAccountsFile.parse(
            """
            # written by the launcher
            vorlauf-worker:$7$101$c2FsdA==$aGFzaA==

            vorlauf-admin:$7$101$c2FsdDI=$aGFzaDI=
            mallory:$7$101$eA==$eA==
            broken
            """,
            "service-accounts");

    assertThat(content.logins())
        .containsExactly(
            new ServiceAccountLogin(ServiceAccount.WORKER, "$7$101$c2FsdA==$aGFzaA=="),
            new ServiceAccountLogin(ServiceAccount.ADMIN, "$7$101$c2FsdDI=$aGFzaDI="));
    assertThat(content.problems())
        .containsExactly(
            "service-accounts line 5: unknown service account 'mallory' ignored",
            "service-accounts line 6: expected user:hash");
  }

  @Test
  void aMissingFileMeansNoServiceAccountsAndSaysSo(@TempDir Path dir) throws Exception {
    ServiceAccountsFile.Content content = ServiceAccountsFile.read(dir.resolve("absent"));

    assertThat(content.logins()).isEmpty();
    assertThat(content.problems()).singleElement().asString().contains("will be refused");
  }
}
