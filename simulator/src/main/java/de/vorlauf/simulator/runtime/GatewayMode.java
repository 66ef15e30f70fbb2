package de.vorlauf.simulator.runtime;

/** Whether devices publish over their own connections or through gateways. */
public enum GatewayMode {
  /** Gateways from {@link SimulatorSettings#gatewayThreshold} devices on, own connections below. */
  AUTO,
  ON,
  OFF
}
