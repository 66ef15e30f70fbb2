package de.vorlauf.domain.heating;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The heat source of a building: it selects the optimiser and the equipment limits every setpoint
 * is checked against. The one list of heating types in Vorlauf: the registry's codes, the database
 * check ({@code R__Heating_type_check} in persistence), the API's messages, the admin UI's choices
 * ({@code GET /api/v1/heating-types}) and the simulator all come from here. See the domain README,
 * "How to add a heating type".
 *
 * <p>The limits are the ones the fleet simulator has always enforced: every circuit runs at 20 °C
 * flow or more; district heating contracts cap the return at 50 °C.
 */
public enum HeatingType {
  GAS("gas condensing boiler", new EquipmentLimits(20.0, 80.0, EquipmentLimits.NO_RETURN_LIMIT)),

  /**
   * District heating: the network needs a large spread, so the contract caps the return
   * temperature; the controller throttles the circuit instead of exceeding it.
   */
  FERNWAERME("district heating", new EquipmentLimits(20.0, 80.0, 50.0)),

  /** Heat pumps lose COP and reach refrigerant limits quickly above ~55 °C flow. */
  WAERMEPUMPE("heat pump", new EquipmentLimits(20.0, 55.0, EquipmentLimits.NO_RETURN_LIMIT)),

  /** The gas boiler of a hybrid covers high flow temperatures; the heat pump then stays off. */
  HYBRID(
      "hybrid heat pump and gas boiler",
      new EquipmentLimits(20.0, 80.0, EquipmentLimits.NO_RETURN_LIMIT));

  private final String label;
  private final EquipmentLimits limits;

  HeatingType(String label, EquipmentLimits limits) {
    this.label = label;
    this.limits = limits;
  }

  /** The stored and API value, e.g. {@code fernwaerme} (the source document's spelling). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** How a person names it, e.g. "district heating". */
  public String label() {
    return label;
  }

  public EquipmentLimits limits() {
    return limits;
  }

  /** The source document's default curve within this type's flow range. */
  public HeatingCurve defaultCurve() {
    return HeatingCurve.DEFAULT.within(limits);
  }

  public static Optional<HeatingType> fromCode(String code) {
    return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
  }

  /** Every code, in declaration order. */
  public static List<String> codes() {
    return Arrays.stream(values()).map(HeatingType::code).toList();
  }

  /** "gas, fernwaerme, waermepumpe, hybrid", for messages. */
  public static String allCodes() {
    return Arrays.stream(values()).map(HeatingType::code).collect(Collectors.joining(", "));
  }
}
