package de.vorlauf.worker.vendor;

import de.vorlauf.domain.sensor.SensorCatalogue;
import de.vorlauf.domain.vendor.FeatureMapping;
import de.vorlauf.simulator.cloud.CloudClient;
import de.vorlauf.simulator.cloud.CloudFaults;
import de.vorlauf.simulator.cloud.CloudFeature;
import de.vorlauf.simulator.cloud.CloudInstallation;
import de.vorlauf.simulator.cloud.CloudPoint;
import de.vorlauf.simulator.cloud.RecordedCloudData;
import de.vorlauf.simulator.cloud.VendorCloudServer;
import de.vorlauf.simulator.physics.SensorSample;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A simulated vendor cloud with deterministic history in the past: one day of minutes per
 * installation, recorded up front; the cloud's now gates what is served. Also writes the
 * integrations file and secret the worker reads.
 */
final class CloudScenario implements AutoCloseable {

  static final String CLIENT_ID = "vorlauf-it";
  static final Set<String> SENSORS =
      Set.of(
          "outdoor_temp",
          "vorlauf_temp_hk1",
          "ruecklauf_temp_hk1",
          "indoor_temp",
          "flow_rate_hk1",
          "heat_power",
          "heat_energy");

  final String integrationId;
  final List<String> installations;
  final Instant first;
  final Instant last;
  final RecordedCloudData data = new RecordedCloudData();
  final VendorCloudServer server;
  final Path integrationsFile;

  CloudScenario(
      Path dir,
      String integrationId,
      List<String> installations,
      CloudFaults faults,
      String lookback)
      throws IOException {
    this.integrationId = integrationId;
    this.installations = installations;
    first = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofDays(2));
    last = first.plus(Duration.ofMinutes(24 * 60 - 1));
    for (String id : installations) {
      data.addInstallation(
          new CloudInstallation(
              id,
              "7571" + id,
              "0",
              "IT installation " + id,
              ZoneId.of("Europe/Berlin"),
              CloudFeature.namesForSensors(SENSORS)));
      for (Instant minute = first; !minute.isAfter(last); minute = minute.plusSeconds(60)) {
        data.record(id, minute, samples(id, minute));
      }
    }
    String secret = "it-secret-" + integrationId;
    Path secretFile = dir.resolve(integrationId + "-secret");
    Files.writeString(secretFile, secret + "\n");
    server =
        VendorCloudServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            data,
            List.of(new CloudClient(CLIENT_ID, secret)),
            faults,
            Clock.systemUTC());
    Properties properties = new Properties();
    properties.setProperty("integrations", integrationId);
    properties.setProperty(integrationId + ".base-url", server.baseUri().toString());
    properties.setProperty(integrationId + ".client-id", CLIENT_ID);
    properties.setProperty(integrationId + ".client-secret-file", secretFile.toString());
    properties.setProperty(integrationId + ".device-id-template", "vc-{installationId}");
    // the workflow's shortest interval: the tests wait for rounds, not for time
    properties.setProperty(integrationId + ".poll-interval", "PT1S");
    properties.setProperty(integrationId + ".initial-lookback", lookback);
    properties.setProperty(integrationId + ".request-timeout", "PT2S");
    properties.setProperty(integrationId + ".autostart", "true");
    StringWriter text = new StringWriter();
    properties.store(text, "VendorPollingIT");
    integrationsFile = dir.resolve(integrationId + ".properties");
    Files.writeString(integrationsFile, text.toString());
  }

  /** Smooth, distinct per installation and sensor, inside the catalogue's ranges. */
  private static List<SensorSample> samples(String installationId, Instant minute) {
    double m = minute.getEpochSecond() / 60.0;
    double k = Math.abs(installationId.hashCode() % 7);
    return List.of(
        sample("outdoor_temp", 4 + k + 6 * Math.sin(m / 240), "degC", minute),
        sample("vorlauf_temp_hk1", 48 + k + 7 * Math.sin(m / 300), "degC", minute),
        sample("ruecklauf_temp_hk1", 36 + k + 5 * Math.sin(m / 310), "degC", minute),
        sample("indoor_temp", 20.5 + 0.5 * Math.sin(m / 500), "degC", minute),
        sample("flow_rate_hk1", 12 + k + 3 * Math.sin(m / 90), "L/min", minute),
        sample("heat_power", 7 + k + 2 * Math.sin(m / 120), "kW", minute),
        sample("heat_energy", 10_000 + k * 1000 + (m % 1_000_000) * 0.12, "kWh", minute));
  }

  private static SensorSample sample(String sensor, double value, String unit, Instant minute) {
    return new SensorSample(sensor, value, unit, "good", minute);
  }

  /** (time, sensor) → value in the catalogue unit: what the store must hold. */
  Map<String, Double> truth(String installationId) {
    Map<String, Double> expected = new LinkedHashMap<>();
    for (String feature : FeatureMapping.features()) {
      if (!CloudFeature.namesForSensors(SENSORS).contains(feature)) {
        continue;
      }
      String sensor = FeatureMapping.sensorFor(feature).orElseThrow();
      for (CloudPoint point : data.history(installationId, feature, first.minusSeconds(60), last)) {
        double canonical =
            SensorCatalogue.standard()
                .find(sensor)
                .orElseThrow()
                .quantity()
                .conversionFrom(FeatureMapping.catalogueUnit(point.unit()))
                .orElseThrow()
                .apply(point.value());
        expected.put(point.timestamp() + " " + sensor, canonical);
      }
    }
    return expected;
  }

  @Override
  public void close() {
    server.close();
  }

  static void quietly(AutoCloseable closeable) {
    try {
      if (closeable != null) {
        closeable.close();
      }
    } catch (Exception e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
