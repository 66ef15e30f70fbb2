package de.vorlauf.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestPortsTest {

  /** Linux's default ephemeral range (ip_local_port_range) starts here. */
  private static final int EPHEMERAL_LOW = 32_768;

  /** Linux hands out local ports of outgoing connections from that range: tests stay below it. */
  @Test
  void portsComeFromBelowTheEphemeralRangeAndAreNeverHandedOutTwice() {
    int first = TestPorts.free();
    int second = TestPorts.free();

    assertThat(first).isBetween(20_000, EPHEMERAL_LOW - 1);
    assertThat(second).isBetween(20_000, EPHEMERAL_LOW - 1).isNotEqualTo(first);
  }
}
