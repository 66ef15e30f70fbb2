package de.vorlauf.domain.optimization;

/** Why an optimisation ran the building's own heating curve instead of a model-based setpoint. */
public enum Fallback {
  NO_MODEL("no usable model version for the building"),
  NO_FORECAST("no outdoor temperature: no forecast and no recent reading"),
  INSUFFICIENT_HISTORY("too little recent history to estimate the emitter model"),
  NO_ROOM_MEASUREMENT(
      "no indoor temperature measured: a lower flow cannot be shown to keep the comfort minimum"),
  POOR_DATA_QUALITY("recent data quality below the threshold"),
  IMPLAUSIBLE_PREDICTION("the model's prediction is not plausible for this building"),
  OUT_OF_SEASON("no heating demand: the circuit runs its curve");

  private final String meaning;

  Fallback(String meaning) {
    this.meaning = meaning;
  }

  public String meaning() {
    return meaning;
  }
}
