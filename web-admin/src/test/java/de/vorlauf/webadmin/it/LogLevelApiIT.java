package de.vorlauf.webadmin.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.vorlauf.webadmin.it.AdminClient.Reply;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Run-time log levels through the real WAR: a change is stored for the workers (who apply it,
 * {@code LogLevelPollerIT} in the worker) and audited with who, the reason and the levels before
 * and after; a reset returns the logger to its configured level, audited too.
 */
@SharedWar
@RunAsClient
class LogLevelApiIT {

  final URL base = ItWar.base();

  @Test
  void aLevelChangeIsStoredForTheWorkersAndAuditedWithBeforeAndAfter() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String logger = "de.vorlauf.it" + UUID.randomUUID().toString().substring(0, 6);

    Reply set =
        admin.withReason(
            "PUT", "api/v1/log-levels/" + logger + "/worker", Map.of("level", "DEBUG"), "Ticket 7");
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    assertThat(set.json().get("level").asText()).isEqualTo("DEBUG");
    assertThat(set.json().get("setBy").asText()).isEqualTo("admin");
    JsonNode stored = admin.get("api/v1/log-levels").json();
    assertThat(stored.findValues("logger").stream().map(JsonNode::asText)).contains(logger);

    assertThat(
            admin.put("api/v1/log-levels/" + logger + "/worker", Map.of("level", "TRACE")).status())
        .isEqualTo(200);
    assertThat(admin.delete("api/v1/log-levels/" + logger + "/worker").status()).isEqualTo(204);

    JsonNode entries = admin.get("api/v1/audit?objectId=" + logger).json().get("items");
    assertThat(entries).hasSize(3);
    JsonNode first = entries.get(2);
    assertThat(first.get("action").asText()).isEqualTo("logLevel.set");
    assertThat(first.get("objectType").asText()).isEqualTo("log-level");
    assertThat(first.get("actor").asText()).isEqualTo("admin");
    assertThat(first.get("reason").asText()).isEqualTo("Ticket 7");
    assertThat(first.get("detail").asText()).isEqualTo("target=worker, from=configured, to=DEBUG");
    assertThat(entries.get(1).get("detail").asText())
        .isEqualTo("target=worker, from=DEBUG, to=TRACE");
    assertThat(entries.get(0).get("action").asText()).isEqualTo("logLevel.reset");
    assertThat(entries.get(0).get("detail").asText())
        .isEqualTo("target=worker, from=TRACE, to=configured");
    assertThat(
            admin.get("api/v1/log-levels").json().findValues("logger").stream()
                .map(JsonNode::asText))
        .doesNotContain(logger);
  }

  @Test
  void wildflyLevelsAreSetAndResetAllAndBadInputNamesItsField() throws Exception {
    AdminClient admin = AdminClient.loggedIn(base);
    String logger = "de.vorlauf.it" + UUID.randomUUID().toString().substring(0, 6);
    assertThat(
            admin.put("api/v1/log-levels/" + logger + "/wildfly", Map.of("level", "WARN")).status())
        .isEqualTo(200);
    assertThat(admin.delete("api/v1/log-levels?target=wildfly").status()).isEqualTo(204);
    JsonNode reset = admin.get("api/v1/audit?action=logLevel.resetAll").json().get("items");
    assertThat(reset.get(0).get("detail").asText()).contains(logger);

    Reply badLevel =
        admin.put("api/v1/log-levels/" + logger + "/worker", Map.of("level", "VERBOSE"));
    assertThat(badLevel.status()).isEqualTo(400);
    assertThat(badLevel.json().toString()).contains("TRACE, DEBUG, INFO, WARN, ERROR, OFF");
    assertThat(
            admin.put("api/v1/log-levels/" + logger + "/broker", Map.of("level", "INFO")).status())
        .isEqualTo(400);
  }
}
