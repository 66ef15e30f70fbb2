package de.vorlauf.worker.polling;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.vendor.VendorIntegrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VendorEnvironmentTest {

  @Test
  void unsetMeansNoIntegrations() {
    List<String> problems = new ArrayList<>();
    assertThat(VendorEnvironment.read(Map.of(), problems).isEmpty()).isTrue();
    assertThat(problems).isEmpty();
  }

  @Test
  void readsTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("integrations.properties");
    Files.writeString(
        file,
        """
        integrations=sim-cloud
        sim-cloud.base-url=http://127.0.0.1:18090
        sim-cloud.client-id=vorlauf
        sim-cloud.client-secret-file=/run/secrets/vendor
        sim-cloud.poll-interval=PT1M
        sim-cloud.initial-lookback=P30D
        sim-cloud.autostart=true
        """);
    List<String> problems = new ArrayList<>();
    VendorIntegrations integrations =
        VendorEnvironment.read(Map.of(VendorEnvironment.FILE, file.toString()), problems);
    assertThat(problems).isEmpty();
    assertThat(integrations.find("sim-cloud").orElseThrow().autostart()).isTrue();
  }

  @Test
  void problemsNameTheVariableAndTheKey(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("integrations.properties");
    Files.writeString(file, "integrations=a\na.base-url=http://x\n");
    List<String> problems = new ArrayList<>();
    VendorEnvironment.read(Map.of(VendorEnvironment.FILE, file.toString()), problems);
    assertThat(problems)
        .singleElement()
        .asString()
        .startsWith(VendorEnvironment.FILE + "=" + file)
        .contains("a.client-id is missing");

    problems.clear();
    VendorEnvironment.read(
        Map.of(VendorEnvironment.FILE, dir.resolve("nope").toString()), problems);
    assertThat(problems).singleElement().asString().contains("cannot read the file");
  }
}
