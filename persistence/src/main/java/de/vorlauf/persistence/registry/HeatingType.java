package de.vorlauf.persistence.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The heat source of a building, as V1's {@code buildings_heating_type_known} check allows it: it
 * selects the optimiser and its equipment limits.
 */
public enum HeatingType {
  GAS,
  FERNWAERME,
  WAERMEPUMPE,
  HYBRID;

  /** The stored and API value, e.g. {@code fernwaerme}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<HeatingType> fromCode(String code) {
    return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
  }

  /** "gas, fernwaerme, waermepumpe, hybrid" for messages. */
  public static String allCodes() {
    return Arrays.stream(values()).map(HeatingType::code).collect(Collectors.joining(", "));
  }
}
