package de.vorlauf.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.testsupport.mqtt.MqttTestClient;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One server per JVM, a database per class copied from a template filled once. */
@ExtendWith(TestServices.class)
@DatabaseFrom(TestServicesIT.Greetings.class)
class TestServicesIT {

  /** Counts its runs: a template is filled once per JVM however many classes copy it. */
  public static final class Greetings implements DatabaseTemplate {
    static int fills;

    @Override
    public void fill(DataSource template) throws Exception {
      fills++;
      try (Connection c = template.getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE greetings (text TEXT NOT NULL)");
        s.execute("INSERT INTO greetings VALUES ('hello')");
      }
    }
  }

  private static TestDatabase mine;

  @BeforeAll
  static void database(TestDatabase database) {
    mine = database;
  }

  @Test
  void theClassGetsACopyOfTheTemplate(TestDatabase database) throws Exception {
    assertThat(database).isSameAs(mine);
    assertThat(database.count("SELECT count(*) FROM greetings")).isOne();
    database.execute("INSERT INTO greetings VALUES ('only mine')");
  }

  @Test
  void anotherClassGetsAnotherCopyOnTheSameServer() throws Exception {
    TestDatabase other = SharedServices.database(Nested.class, Greetings.class);

    assertThat(other.database()).isNotEqualTo(mine.database());
    assertThat(other.count("SELECT count(*) FROM greetings")).isOne();
    assertThat(Greetings.fills).isOne();
    assertThat(SharedServices.postgres().jdbcUrl()).contains(":" + portOf(other.jdbcUrl()) + "/");
  }

  @Test
  void theSharedBrokerDeliversBetweenClientsOfOneClass(RunningBroker broker, TestNames names)
      throws Exception {
    assertThat(broker).isSameAs(SharedServices.broker());
    try (MqttTestClient subscriber =
            MqttTestClient.connect(broker.url(), names.clientId("sub"))
                .subscribe(names.prefix() + "/#");
        MqttTestClient publisher = MqttTestClient.connect(broker.url(), names.clientId("pub"))) {
      assertThat(publisher.publish(names.prefix() + "/a", "1")).isZero();
      Awaitility.await()
          .untilAsserted(
              () -> assertThat(subscriber.received).containsExactly(names.prefix() + "/a 1"));
    }
  }

  private static String portOf(String url) {
    String hostPort = url.substring("jdbc:postgresql://".length(), url.lastIndexOf('/'));
    return hostPort.substring(hostPort.indexOf(':') + 1);
  }
}
