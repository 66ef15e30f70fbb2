package de.vorlauf.devstack.wildfly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.devstack.service.StateDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WildflyServiceTest {

  @TempDir Path repo;

  @Test
  void eachStartGetsAFreshConfigurationAndTheCurrentWarAsRootWar() throws Exception {
    StateDir state = new StateDir(repo.resolve(".vorlauf"));
    Path configuration =
        Files.createDirectories(
            repo.resolve("deploy/wildfly/target/server/standalone/configuration"));
    Files.writeString(configuration.resolve("standalone.xml"), "<server/>");
    Files.createDirectories(repo.resolve("web-admin/target"));
    Files.writeString(repo.resolve("web-admin/target/vorlauf-admin.war"), "new war");
    WildflyOptions options = WildflyOptions.of(repo, state, 10000, "127.0.0.1", Map.of());
    Path base = state.wildfly();
    Files.createDirectories(base.resolve("configuration"));
    Files.writeString(base.resolve("configuration/standalone.xml"), "<server>edited</server>");
    Files.createDirectories(base.resolve("deployments"));
    Files.writeString(base.resolve("deployments/ROOT.war.failed"), "old failure");
    Files.createDirectories(base.resolve("data"));
    Files.writeString(base.resolve("data/kept"), "data survives");

    WildflyService.prepareBaseDir(options);

    assertThat(base.resolve("configuration/standalone.xml")).hasContent("<server/>");
    assertThat(base.resolve("deployments/ROOT.war")).hasContent("new war");
    assertThat(base.resolve("deployments/ROOT.war.failed")).doesNotExist();
    assertThat(base.resolve("data/kept")).exists();
    assertThat(base.resolve("tmp")).isDirectory();
    assertThat(base.resolve("log")).isDirectory();
  }

  @Test
  void jsonSwitchesEveryHandlerToTheJsonFormatterAndKeyValueLeavesTheBuiltConfiguration() {
    String built =
        "<console-handler name=\"CONSOLE\"><formatter><named-formatter name=\"KEYVALUE\"/>"
            + "</formatter></console-handler><periodic-rotating-file-handler name=\"FILE\">"
            + "<formatter><named-formatter name=\"KEYVALUE\"/></formatter>";

    assertThat(WildflyService.withLogFormat(built, "keyvalue")).isEqualTo(built);
    assertThat(WildflyService.withLogFormat(built, "json"))
        .doesNotContain("KEYVALUE\"/>")
        .contains("<formatter><named-formatter name=\"JSON\"/></formatter></console-handler>");
  }

  @Test
  void theServerStartsWithOffsetBindAddressBaseDirAndHeap() {
    StateDir state = new StateDir(repo.resolve(".vorlauf"));
    WildflyOptions options = WildflyOptions.of(repo, state, 10000, "127.0.0.1", Map.of("A", "b"));

    assertThat(WildflyServer.command(options))
        .containsSubsequence("-b", "127.0.0.1", "-bmanagement", "127.0.0.1")
        .contains(
            "-Djboss.socket.binding.port-offset=10000",
            "-Djboss.server.base.dir=" + state.wildfly());
    assertThat(WildflyServer.environment(options).get("JAVA_OPTS")).startsWith("-Xmx512m ");
    assertThat(WildflyServer.environment(options)).containsEntry("A", "b");
    assertThat(options.httpPort()).isEqualTo(18080);
    assertThat(options.managementPort()).isEqualTo(19990);
  }

  @Test
  void aMissingServerBuildIsReportedWithWhatToDo() {
    WildflyOptions options =
        WildflyOptions.of(repo, new StateDir(repo.resolve("s")), 10000, "127.0.0.1", Map.of());

    assertThatThrownBy(() -> WildflyService.start(options))
        .hasMessageContaining("No provisioned WildFly")
        .hasMessageContaining("mvn -B -DskipTests install");
  }
}
