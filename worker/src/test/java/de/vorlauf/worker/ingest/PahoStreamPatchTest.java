package de.vorlauf.worker.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.paho.mqttv5.common.packet.MqttPublish;
import org.eclipse.paho.mqttv5.common.packet.MqttWireMessage;
import org.eclipse.paho.mqttv5.common.packet.util.CountingInputStream;
import org.junit.jupiter.api.Test;

/**
 * Guards the worker's replacement of Paho's {@code CountingInputStream} (see its Javadoc): it must
 * be the class Paho loads, read in bulk, keep Paho's members, and leave packets decoded as before.
 */
class PahoStreamPatchTest {

  private static final String RESOURCE =
      "org/eclipse/paho/mqttv5/common/packet/util/CountingInputStream.class";

  @Test
  void theWorkersClassShadowsPahosOwn() throws IOException {
    List<URL> copies = Collections.list(getClass().getClassLoader().getResources(RESOURCE));

    // ours first; then Paho's jar (more than once when a jar's manifest lists it again)
    assertThat(copies).hasSizeGreaterThanOrEqualTo(2);
    String workerClasses =
        MqttIngestor.class.getProtectionDomain().getCodeSource().getLocation().toString();
    assertThat(copies.get(0).toString()).startsWith(workerClasses);
    assertThat(copies.subList(1, copies.size()))
        .allSatisfy(
            copy -> assertThat(copy.toString()).contains("org.eclipse.paho.mqttv5.client-"));
    assertThat(CountingInputStream.class.getProtectionDomain().getCodeSource().getLocation())
        .isEqualTo(MqttIngestor.class.getProtectionDomain().getCodeSource().getLocation());
  }

  @Test
  void keepsTheMembersOfPahosClass() throws Exception {
    URL pahoJar = MqttWireMessage.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader onlyPaho = new URLClassLoader(new URL[] {pahoJar}, null)) {
      Class<?> original = onlyPaho.loadClass(CountingInputStream.class.getName());

      assertThat(publicMembers(CountingInputStream.class)).containsAll(publicMembers(original));
    }
  }

  @Test
  void readsInBulkAndCounts() throws IOException {
    CallCountingStream source = new CallCountingStream(new byte[1500]);
    CountingInputStream counting = new CountingInputStream(source);

    byte[] buffer = new byte[1500];
    int n = counting.read(buffer, 0, buffer.length);

    assertThat(n).isEqualTo(1500);
    assertThat(counting.getCounter()).isEqualTo(1500);
    assertThat(source.singleByteReads).isZero();
    counting.resetCounter();
    assertThat(counting.read()).isEqualTo(-1);
    assertThat(counting.getCounter()).isZero();
  }

  @Test
  void pahoStillDecodesAPublishPacket() throws Exception {
    byte[] payload = "{\"device_id\":\"d1\"}".getBytes();
    MqttPublish publish =
        new MqttPublish(
            "greenbox/d1/sensors",
            new org.eclipse.paho.mqttv5.common.MqttMessage(payload, 1, false, null),
            null);
    publish.setMessageId(7);
    byte[] header = publish.getHeader();
    byte[] packet = new byte[header.length + publish.getPayload().length];
    System.arraycopy(header, 0, packet, 0, header.length);
    System.arraycopy(publish.getPayload(), 0, packet, header.length, publish.getPayload().length);

    MqttPublish decoded = (MqttPublish) MqttWireMessage.createWireMessage(packet);

    assertThat(decoded.getTopicName()).isEqualTo("greenbox/d1/sensors");
    assertThat(decoded.getMessageId()).isEqualTo(7);
    assertThat(decoded.getMessage().getPayload()).isEqualTo(payload);
  }

  private static Set<String> publicMembers(Class<?> type) {
    Set<String> members = new TreeSet<>();
    Arrays.stream(type.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()))
        .map(m -> m.getName() + Arrays.toString(m.getParameterTypes()))
        .forEach(members::add);
    Arrays.stream(type.getDeclaredConstructors())
        .filter(c -> Modifier.isPublic(c.getModifiers()))
        .map(c -> "<init>" + Arrays.toString(c.getParameterTypes()))
        .collect(Collectors.toCollection(() -> members));
    return members;
  }

  private static final class CallCountingStream extends ByteArrayInputStream {
    int singleByteReads;

    CallCountingStream(byte[] bytes) {
      super(bytes);
    }

    @Override
    public synchronized int read() {
      singleByteReads++;
      return super.read();
    }
  }
}
