package de.vorlauf.simulator.physics;

/**
 * The heat source of a simulated building. Each kind carries the equipment limits a setpoint is
 * checked against, so the simulator rejects what the real controller would refuse.
 */
public enum HeatingKind {
  GAS_CONDENSING("gas", "gas condensing boiler", 80.0),
  /** Heat pumps lose COP and refrigerant limits quickly above ~55 °C flow. */
  HEAT_PUMP("waermepumpe", "heat pump", 55.0),
  DISTRICT("fernwaerme", "district heating", 80.0),
  /** The gas boiler of a hybrid covers high flow temperatures; the heat pump then stays off. */
  HYBRID("hybrid", "hybrid heat pump and gas boiler", 80.0);

  /** No circuit runs below this: the controller treats lower setpoints as a fault. */
  public static final double MIN_FLOW_C = 20.0;

  /**
   * District heating contracts cap the return temperature (the network needs a large spread); the
   * controller throttles the circuit flow instead of breaking it.
   */
  public static final double DISTRICT_RETURN_LIMIT_C = 50.0;

  private final String registryCode;
  private final String label;
  private final double maxFlowC;

  HeatingKind(String registryCode, String label, double maxFlowC) {
    this.registryCode = registryCode;
    this.label = label;
    this.maxFlowC = maxFlowC;
  }

  /** The code the registry stores for the building ({@code HeatingType.code()} in persistence). */
  public String registryCode() {
    return registryCode;
  }

  /** How a person names it, for rejection reasons. */
  public String label() {
    return label;
  }

  public double minFlowC() {
    return MIN_FLOW_C;
  }

  public double maxFlowC() {
    return maxFlowC;
  }

  /** The highest return temperature the equipment accepts; infinite where nothing limits it. */
  public double returnLimitC() {
    return this == DISTRICT ? DISTRICT_RETURN_LIMIT_C : Double.POSITIVE_INFINITY;
  }
}
