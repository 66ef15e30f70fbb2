package de.vorlauf.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestPortsTest {

  /** Linux's default ephemeral range (ip_local_port_range) starts here. */
  private static final int EPHEMERAL_LOW = 32_768;

  private static final String BUILD_PORT = "it.testportstest.port";

  @AfterEach
  void forgetTheBuildPort() {
    System.clearProperty(BUILD_PORT);
  }

  /** Linux hands out local ports of outgoing connections from that range: tests stay below it. */
  @Test
  void portsComeFromBelowTheEphemeralRangeAndAreNeverHandedOutTwice() {
    int first = TestPorts.free();
    int second = TestPorts.free();

    assertThat(first).isBetween(20_000, EPHEMERAL_LOW - 1);
    assertThat(second).isBetween(20_000, EPHEMERAL_LOW - 1).isNotEqualTo(first);
  }

  /**
   * The build's fixed ports of a test JVM: a taken one is refused by name before services start.
   */
  @Test
  void aBuildPortSomeoneListensOnIsNamedAndAFreeOneIsNot() throws Exception {
    try (ServerSocket stranger = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      System.setProperty(BUILD_PORT, Integer.toString(stranger.getLocalPort()));
      assertThatThrownBy(TestPorts::requireBuildPortsFree)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(BUILD_PORT + "=" + stranger.getLocalPort());
    }
    System.setProperty(BUILD_PORT, Integer.toString(TestPorts.free()));
    assertThatCode(TestPorts::requireBuildPortsFree).doesNotThrowAnyException();
  }
}
