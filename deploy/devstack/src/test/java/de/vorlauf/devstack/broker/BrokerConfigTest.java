package de.vorlauf.devstack.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;

class BrokerConfigTest {

  @Test
  void mosquittoListensOnLoopbackOnlyPersistsAndNeverDropsQueuedMessages() {
    String config = MosquittoConfig.render(11883, Path.of("/state/mosquitto/data"), "alice");

    assertThat(config)
        .contains("listener 11883 127.0.0.1\n")
        .contains("max_queued_messages 0\n")
        .contains("max_inflight_messages 1000\n")
        .contains("persistence true\n")
        .contains("persistence_location /state/mosquitto/data/\n")
        .contains("user alice\n")
        .contains("allow_anonymous true\n")
        .doesNotContain("listener 11883\n");
  }

  @Test
  void withAnAccessFolderMosquittoRefusesAnonymousClientsAndReadsTheGeneratedFiles() {
    String config =
        MosquittoConfig.render(
            11883, Path.of("/state/mosquitto/data"), "alice", Path.of("/state/mosquitto/access"));

    assertThat(config)
        .contains("listener 11883 127.0.0.1\n")
        .contains("\nallow_anonymous false\n")
        .contains("\npassword_file /state/mosquitto/access/passwd\n")
        .contains("\nacl_file /state/mosquitto/access/acl\n")
        .contains("max_queued_messages 0\n")
        .doesNotContain("allow_anonymous true");
  }

  @Test
  void mosquittoVersionComesFromItsHelpText() {
    assertThat(MosquittoBroker.parseVersion("mosquitto version 2.0.11\n\nmosquitto is an MQTT"))
        .isEqualTo("2.0.11");
    assertThat(MosquittoBroker.parseVersion("something else")).isEmpty();
  }

  @Test
  void hiveMqConfigIsValidAgainstItsSchemaAndRaisesTheDroppingLimits() throws Exception {
    String config = HiveMqConfig.render(21883);

    var schema =
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(getClass().getClassLoader().getResource("config.xsd"));
    schema.newValidator().validate(new StreamSource(new StringReader(config)));
    assertThat(config)
        .contains("<port>21883</port>")
        .contains("<bind-address>127.0.0.1</bind-address>")
        .contains("<max-queue-size>1000000</max-queue-size>")
        .contains("<server-receive-maximum>1000</server-receive-maximum>")
        .contains("<mode>file</mode>");
  }
}
