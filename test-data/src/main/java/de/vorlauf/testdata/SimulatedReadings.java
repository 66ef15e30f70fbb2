package de.vorlauf.testdata;

import de.vorlauf.domain.sensor.Quality;
import de.vorlauf.domain.sensor.TimestampSource;
import de.vorlauf.persistence.timeseries.QualityCode;
import de.vorlauf.persistence.timeseries.SeriesKey;
import de.vorlauf.simulator.physics.BuildingSimulation;
import de.vorlauf.simulator.physics.BuildingSpec;
import de.vorlauf.simulator.physics.FleetSpecs;
import de.vorlauf.simulator.physics.SensorSample;
import de.vorlauf.simulator.physics.Weather;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the simulator's physics for a {@link DatasetSpec} and records what the gateways would send.
 */
final class SimulatedReadings {

  /**
   * Simulated before the first sample and thrown away: a building starts at its design indoor
   * temperature with its flow at the curve's target, which takes hours to settle.
   */
  static final Duration SPIN_UP = Duration.ofDays(1);

  private SimulatedReadings() {}

  static Dataset generate(DatasetSpec spec, String key) {
    Weather weather = new Weather(spec.seed());
    List<BuildingSpec> buildings =
        FleetSpecs.generate(spec.seed(), spec.buildings(), spec.prefix());
    Map<SeriesKey, Integer> series = new LinkedHashMap<>();
    short good = QualityCode.encode(Quality.GOOD, TimestampSource.DEVICE);
    long stepSeconds = spec.resolution().toSeconds();
    ByteArrayOutputStream bytes =
        new ByteArrayOutputStream(spec.buildings() * spec.steps() * 7 * Dataset.TUPLE_BYTES);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      for (BuildingSpec building : buildings) {
        String device = Dataset.deviceOf(building.buildingId());
        BuildingSimulation simulation =
            new BuildingSimulation(building, weather, spec.start().minus(SPIN_UP));
        for (int step = 0; step < spec.steps(); step++) {
          Instant t = spec.start().plusSeconds(step * stepSeconds);
          simulation.advanceTo(t);
          for (SensorSample sample : simulation.sample()) {
            SeriesKey seriesKey =
                new SeriesKey(building.buildingId(), device, sample.sensorId(), sample.unit());
            int local = series.computeIfAbsent(seriesKey, k -> series.size());
            writeTuple(out, local, t, sample.value(), good);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Dataset(
        spec,
        key,
        new ArrayList<>(series.keySet()),
        bytes.toByteArray(),
        List.of(),
        Dataset.Origin.GENERATED);
  }

  private static void writeTuple(
      DataOutputStream out, int series, Instant time, double value, short quality)
      throws IOException {
    out.writeShort(4);
    out.writeInt(4);
    out.writeInt(series);
    out.writeInt(8);
    out.writeLong((time.getEpochSecond() - Dataset.PG_EPOCH_SECONDS) * 1_000_000L);
    out.writeInt(8);
    out.writeDouble(value);
    out.writeInt(2);
    out.writeShort(quality);
  }
}
