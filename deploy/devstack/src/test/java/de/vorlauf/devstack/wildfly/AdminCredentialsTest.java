package de.vorlauf.devstack.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.devstack.service.Secrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminCredentialsTest {

  @TempDir Path secrets;

  @Test
  void theUsersFileCarriesTheRealmAndAnMd5DigestOfUserRealmAndPassword() {
    // md5("admin:vorlauf:secret"), computed independently
    assertThat(AdminCredentials.usersFileContent("admin", "secret"))
        .isEqualTo("#$REALM_NAME=vorlauf$\nadmin=7abd250441d96b6cba84f2d8d055fd41\n");
  }

  @Test
  void firstStartGeneratesAPasswordThatLaterStartsKeep() throws Exception {
    AdminCredentials first = AdminCredentials.ensure(secrets);
    String password = Files.readString(first.passwordFile()).strip();
    AdminCredentials second = AdminCredentials.ensure(secrets);

    assertThat(password).hasSize(24).matches("[A-Za-z0-9_-]+");
    assertThat(Files.readString(second.passwordFile()).strip()).isEqualTo(password);
    assertThat(Files.readString(second.usersFile()))
        .isEqualTo(AdminCredentials.usersFileContent("admin", password));
    assertThat(Files.readString(second.rolesFile())).isEqualTo("admin=vorlauf-admin\n");
  }

  @Test
  void everySecretFileIsReadableByItsOwnerOnly() throws Exception {
    AdminCredentials credentials = AdminCredentials.ensure(secrets);

    for (Path file :
        new Path[] {credentials.passwordFile(), credentials.usersFile(), credentials.rolesFile()}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .as(file.toString())
          .isEqualTo("rw-------");
    }
  }

  @Test
  void generatedPasswordsAreUrlSafeAndDiffer() {
    String a = Secrets.generatePassword(24);
    String b = Secrets.generatePassword(24);

    assertThat(a).hasSize(24).matches("[A-Za-z0-9_-]+").isNotEqualTo(b);
  }
}
