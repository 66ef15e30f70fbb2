package de.vorlauf.devstack.service;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServicePortsTest {

  @Test
  void anOccupiedPortIsNamedInTheError() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> ServicePorts.requireFree(taken.getLocalPort(), "MQTT"))
          .hasMessageContaining("Port " + taken.getLocalPort() + " for MQTT is already in use");
    }
  }
}
