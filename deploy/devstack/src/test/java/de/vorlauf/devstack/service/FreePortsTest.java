package de.vorlauf.devstack.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void theRangeIsTheVariablesOrTheDefaultBelowTheEphemeralPorts() {
    assertThat(FreePorts.read("30000-32767")).isEqualTo(new FreePorts.Range(30000, 32767));
    assertThat(FreePorts.read(" ")).isEqualTo(new FreePorts.Range(20000, 32767));
    assertThat(FreePorts.read(null)).isEqualTo(new FreePorts.Range(20000, 32767));
  }

  @Test
  void anUnusableRangeNamesTheVariable() {
    assertThatThrownBy(() -> FreePorts.read("32767-30000"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("VORLAUF_FREE_PORTS=32767-30000");
    assertThatThrownBy(() -> FreePorts.read("30000-30010")).hasMessageContaining("at least 100");
    assertThatThrownBy(() -> FreePorts.read("80-2000")).hasMessageContaining("unprivileged");
    assertThatThrownBy(() -> FreePorts.read("30000")).hasMessageContaining("lowest-highest");
  }

  /** The build sets the range per module (root pom.xml); every port handed out lies in it. */
  @Test
  void portsComeFromThisJvmsRangeAndAreNotHandedOutTwice() {
    FreePorts.Range range = FreePorts.range();
    java.util.Set<Integer> ports = new java.util.HashSet<>();
    for (int i = 0; i < 20; i++) {
      int port = FreePorts.find();
      assertThat(port).isBetween(range.lowest(), range.highest());
      assertThat(ports.add(port)).isTrue();
    }
  }
}
