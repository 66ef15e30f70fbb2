package de.vorlauf.domain.training;

import java.util.Arrays;
import java.util.List;

/**
 * The inputs of the heat-demand model, in the order of the model's input vector (and of the ONNX
 * graph's input columns): the one place that says what each is, its unit and where it comes from.
 *
 * <p>A sample is issued at a UTC hour {@code t} and predicts the building's mean heat power over
 * the target hour {@code [t + h − 1 h, t + h)} for horizon {@code h} (1 h by default: the next
 * hour). Every input is known at {@code t}: measurements strictly before {@code t}, the calendar,
 * the registry, and the outdoor-temperature forecast serving uses — a persistence forecast from the
 * building's own outdoor readings ({@link OutdoorForecast}), never the target hour's actual.
 *
 * <p><b>Target</b>: demand per m² in W/m² = mean {@code heat_power_total_kw} over the target hour ×
 * 1000 / {@code buildings.area_m2}. Per m², not kW, so that one fleet-wide model sees buildings of
 * 20 kW and of 500 kW on one scale (a kW loss would be dominated by the largest buildings and the
 * net would have to learn each building's size from its lags); predictions are multiplied back by
 * the area for kW, in which all metrics are reported. Buildings without an area are left out and
 * named in the training result. {@code year_built} is not an input: the registry leaves it empty
 * for most buildings (the simulator never sets it) and an imputed year would be noise; its effect
 * shows in the demand lags anyway.
 */
public enum DemandFeature {
  OUTDOOR_FORECAST_C(
      "outdoor_forecast_c",
      "°C",
      "building_features.outdoor_temp",
      "persistence forecast of the target hour's outdoor temperature: mean over [t − 1 h, t)"),
  FORECAST_DEGREE_HOURS(
      "forecast_degree_hours",
      "K·h",
      "building_features.outdoor_temp",
      "max(0, 18 °C − outdoor_forecast_c) · 1 h: the degree hours of the forecast"),
  OUTDOOR_MEAN_24H_C(
      "outdoor_mean_24h_c",
      "°C",
      "building_features.outdoor_temp",
      "mean outdoor temperature over [t − 24 h, t): the building's thermal mass remembers"),
  DEMAND_LAST_HOUR_W_M2(
      "demand_last_hour_w_m2",
      "W/m²",
      "building_features.heat_power_total_kw, buildings.area_m2",
      "mean heat power over [t − 1 h, t) per m²"),
  DEMAND_DAY_AGO_W_M2(
      "demand_day_ago_w_m2",
      "W/m²",
      "building_features.heat_power_total_kw, buildings.area_m2",
      "mean heat power of the target hour one day earlier, per m²"),
  DEMAND_WEEK_AGO_W_M2(
      "demand_week_ago_w_m2",
      "W/m²",
      "building_features.heat_power_total_kw, buildings.area_m2",
      "mean heat power of the target hour one week earlier, per m² (the persistence baseline)"),
  HOUR_SIN(
      "hour_sin",
      "1",
      "building_features.local_hour",
      "sin(2π · local hour of the target hour / 24)"),
  HOUR_COS(
      "hour_cos",
      "1",
      "building_features.local_hour",
      "cos(2π · local hour of the target hour / 24)"),
  OFF_DAY(
      "off_day",
      "0/1",
      "building_features.day_of_week, building_features.holiday",
      "1 when the target hour's local day is a Saturday, Sunday or holiday"),
  HEATING_GAS("heating_type_gas", "0/1", "buildings.heating_type", "1 for gas"),
  HEATING_FERNWAERME(
      "heating_type_fernwaerme", "0/1", "buildings.heating_type", "1 for district heating"),
  HEATING_WAERMEPUMPE(
      "heating_type_waermepumpe", "0/1", "buildings.heating_type", "1 for a heat pump"),
  HEATING_HYBRID("heating_type_hybrid", "0/1", "buildings.heating_type", "1 for a hybrid"),
  AREA_LOG10_M2(
      "area_log10_m2",
      "log10(m²)",
      "buildings.area_m2",
      "size: larger buildings lose less heat per m² (surface to volume)");

  /** The heating-degree base temperature, the ETL's ({@code heating_degree_hours}). */
  public static final double DEGREE_BASE_C = 18.0;

  private final String column;
  private final String unit;
  private final String source;
  private final String meaning;

  DemandFeature(String column, String unit, String source, String meaning) {
    this.column = column;
    this.unit = unit;
    this.source = source;
    this.meaning = meaning;
  }

  public String column() {
    return column;
  }

  public String unit() {
    return unit;
  }

  public String source() {
    return source;
  }

  public String meaning() {
    return meaning;
  }

  public static int count() {
    return values().length;
  }

  /** The column names in input order. */
  public static List<String> columns() {
    return Arrays.stream(values()).map(DemandFeature::column).toList();
  }
}
