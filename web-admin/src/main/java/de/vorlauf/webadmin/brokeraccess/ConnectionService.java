package de.vorlauf.webadmin.brokeraccess;

import de.vorlauf.domain.sensor.SensorCatalogue;
import de.vorlauf.domain.sensor.SensorDefinition;
import de.vorlauf.ingest.topic.GreenboxTopic;
import de.vorlauf.persistence.paging.PageRequest;
import de.vorlauf.persistence.registry.DeviceFilter;
import de.vorlauf.webadmin.config.AdminConfig;
import de.vorlauf.webadmin.registry.DeviceDto;
import de.vorlauf.webadmin.registry.DeviceService;
import de.vorlauf.webadmin.registry.GatewayService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The connection details shown with a new token: broker, login, topics and an example message,
 * built from the topic grammar and the sensor catalogue the ingestion itself uses.
 */
@ApplicationScoped
public class ConnectionService {

  static final int MAX_TOPICS = 50;
  private static final int EXAMPLE_SENSORS = 3;

  @Inject AdminConfig config;
  @Inject DeviceService devices;
  @Inject GatewayService gateways;

  private final Clock clock = Clock.systemUTC();

  public ConnectionDto forDevice(String deviceId, URI apiBase) {
    DeviceDto device = devices.get(deviceId);
    return connection(device.id(), List.of(device.id()), apiBase);
  }

  public ConnectionDto forGateway(String gatewayId, URI apiBase) {
    String id = gateways.get(gatewayId).id();
    List<String> deviceIds =
        devices
            .list(new DeviceFilter(null, null, true, id), new PageRequest(0, MAX_TOPICS))
            .items()
            .stream()
            .map(DeviceDto::id)
            .toList();
    return connection(id, deviceIds, apiBase);
  }

  private ConnectionDto connection(String username, List<String> deviceIds, URI apiBase) {
    List<String> topics = deviceIds.stream().map(ConnectionService::topic).toList();
    String first = deviceIds.isEmpty() ? "<device_id>" : deviceIds.get(0);
    return new ConnectionDto(
        config.mqttUrl().toString(),
        username,
        topics,
        topic(first) + "/<sensor_id>",
        apiBase.resolve("ingest").toString(),
        examplePayload(first));
  }

  /** The full-message topic of a device: the subscription filter with its id for the wildcard. */
  static String topic(String deviceId) {
    return GreenboxTopic.MESSAGE_FILTER.replace("+", deviceId);
  }

  String examplePayload(String deviceId) {
    String readings =
        SensorCatalogue.standard().all().stream()
            .limit(EXAMPLE_SENSORS)
            .map(ConnectionService::reading)
            .collect(Collectors.joining(",\n    "));
    return """
        {
          "device_id": "%s",
          "timestamp": "%s",
          "readings": [
            %s
          ]
        }"""
        .formatted(deviceId, clock.instant().truncatedTo(ChronoUnit.SECONDS), readings);
  }

  private static String reading(SensorDefinition sensor) {
    // the middle of the plausible range, rounded: obviously an example, never out of range
    double value = Math.round((sensor.min() + sensor.max()) / 2.0 * 10) / 10.0;
    return String.format(
        Locale.ROOT,
        "{\"sensor_id\": \"%s\", \"value\": %.1f, \"unit\": \"%s\"}",
        sensor.id(),
        value,
        sensor.canonicalUnit());
  }
}
