package de.vorlauf.persistence.registry;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.devstack.Executables;
import de.vorlauf.devstack.FreePorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real Mosquitto 2.0 accepts the password file we generate from device credentials: the device
 * logs in with its token, a wrong token is refused.
 */
class MosquittoPasswordFileIT {

  private Path dir;
  private Process broker;
  private int port;

  @BeforeEach
  void startBroker() throws Exception {
    dir = Files.createTempDirectory("vorlauf-mosquitto-pw-");
    port = FreePorts.find();
    DeviceToken token = DeviceToken.generate();
    Files.writeString(dir.resolve("token"), token.value());
    Files.writeString(
        dir.resolve("passwd"),
        MosquittoPasswordHash.passwordFileLine("gb-0001", MosquittoPasswordHash.hash(token.value()))
            + "\n");
    Files.writeString(
        dir.resolve("mosquitto.conf"),
        """
        listener %d 127.0.0.1
        allow_anonymous false
        password_file %s
        persistence false
        user %s
        """
            .formatted(port, dir.resolve("passwd"), System.getProperty("user.name")));
    Path mosquitto =
        Executables.find("mosquitto", Path.of("/usr/sbin"))
            .orElseThrow(() -> new IllegalStateException("install mosquitto (apt-get install mosquitto)"));
    broker =
        new ProcessBuilder(mosquitto.toString(), "-c", dir.resolve("mosquitto.conf").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("broker.log").toFile())
            .start();
    awaitListening();
  }

  @AfterEach
  void stopBroker() throws Exception {
    if (broker != null) {
      broker.destroy();
      if (!broker.waitFor(10, TimeUnit.SECONDS)) {
        broker.destroyForcibly();
      }
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Test
  void brokerAcceptsTheTokenAndRefusesAnythingElse() throws Exception {
    String token = Files.readString(dir.resolve("token"));

    assertThat(publish("gb-0001", token)).as(log()).isZero();
    assertThat(publish("gb-0001", token + "x")).isNotZero();
    assertThat(publish("gb-0002", token)).isNotZero();
  }

  private int publish(String user, String password) throws Exception {
    Path pub = Executables.find("mosquitto_pub", Path.of("/usr/bin")).orElseThrow();
    Process process =
        new ProcessBuilder(
                List.of(
                    pub.toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-u", user,
                    "-P", password, "-t", "greenbox/" + user + "/sensors", "-m", "{}", "-q", "1"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return process.exitValue();
  }

  private void awaitListening() throws InterruptedException, IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        assertThat(broker.isAlive()).as(log()).isTrue();
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("mosquitto did not listen on " + port + ": " + log());
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("broker.log"));
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
