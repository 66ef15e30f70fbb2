package de.vorlauf.workflows.selfcheck;

/**
 * A successful MQTT publish→receive round trip.
 *
 * @param latencyMillis from publish to arrival at the subscriber
 * @param detail e.g. "QoS 1 round trip via tcp://127.0.0.1:11883 on vorlauf/self-check/…"
 * @param messageClock the timestamp the message carried, bracketed by publish and arrival
 */
public record MqttProbeOutcome(long latencyMillis, String detail, ClockReading messageClock) {}
