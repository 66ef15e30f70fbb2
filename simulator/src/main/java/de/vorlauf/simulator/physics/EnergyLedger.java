package de.vorlauf.simulator.physics;

import java.time.Instant;

/**
 * Cumulative energy flows of one building since its simulation started, all in kWh (comfort in
 * Kelvin-hours). Totals over a period are the difference of two snapshots ({@link #minus}), which
 * is how an optimiser run is scored against the plain heating curve.
 *
 * @param spaceHeatKWh heat the radiators delivered into the building (what the heat meter counts)
 * @param dhwHeatKWh heat the generator put into domestic hot water
 * @param gasKWh gas burnt (gas boiler, the boiler of a hybrid)
 * @param electricityKWh electricity of the heat pump compressor
 * @param districtHeatKWh heat bought from the district network
 * @param envelopeLossKWh heat lost through the envelope, UA·(T_in − T_out)
 * @param gainsKWh internal and solar gains
 * @param storedKWh heat stored in the thermal mass, C·(T_in − T_in at start)
 * @param comfortKelvinHours integral of (comfort minimum − T_in) while the room is below it
 */
public record EnergyLedger(
    Instant at,
    double spaceHeatKWh,
    double dhwHeatKWh,
    double gasKWh,
    double electricityKWh,
    double districtHeatKWh,
    double envelopeLossKWh,
    double gainsKWh,
    double storedKWh,
    double comfortKelvinHours) {

  /** The period from {@code start} to this snapshot. */
  public EnergyLedger minus(EnergyLedger start) {
    return new EnergyLedger(
        at,
        spaceHeatKWh - start.spaceHeatKWh,
        dhwHeatKWh - start.dhwHeatKWh,
        gasKWh - start.gasKWh,
        electricityKWh - start.electricityKWh,
        districtHeatKWh - start.districtHeatKWh,
        envelopeLossKWh - start.envelopeLossKWh,
        gainsKWh - start.gainsKWh,
        storedKWh - start.storedKWh,
        comfortKelvinHours - start.comfortKelvinHours);
  }

  /** Gas, electricity and district heat together: what the building pays for. */
  public double finalEnergyKWh() {
    return gasKWh + electricityKWh + districtHeatKWh;
  }

  /** Heat the generator produced: room heating plus hot water. */
  public double heatProducedKWh() {
    return spaceHeatKWh + dhwHeatKWh;
  }

  /** First law for the building: heat in − heat out − heat stored; zero for a conserving model. */
  public double balanceResidualKWh() {
    return spaceHeatKWh + gainsKWh - envelopeLossKWh - storedKWh;
  }
}
