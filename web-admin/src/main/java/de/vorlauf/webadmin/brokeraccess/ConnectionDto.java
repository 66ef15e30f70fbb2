package de.vorlauf.webadmin.brokeraccess;

import java.util.List;

/**
 * What a device (or a gateway's installer) needs besides its token to send readings: where the
 * broker is, which login and topics to use, and a message to start from.
 *
 * @param mqttUrl the broker as this server reaches it; a device outside the server's network may
 *     need the broker's public address instead
 * @param mqttUsername the login; the token issued with it is the password
 * @param topics full-message topics it may publish on (a gateway: those of its active devices, at
 *     most {@link ConnectionService#MAX_TOPICS})
 * @param sensorTopic the per-sensor form of the first topic, {@code <sensor_id>} to be replaced
 * @param httpIngestUrl the REST alternative: POST the same message with {@code Authorization:
 *     Bearer <token>}
 * @param examplePayload one valid message for the first topic, with the current time
 */
public record ConnectionDto(
    String mqttUrl,
    String mqttUsername,
    List<String> topics,
    String sensorTopic,
    String httpIngestUrl,
    String examplePayload) {}
