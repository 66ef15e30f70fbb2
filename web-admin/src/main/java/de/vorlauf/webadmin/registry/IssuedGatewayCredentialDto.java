package de.vorlauf.webadmin.registry;

/**
 * A new gateway credential with its secret, answered once and never again: the token is only stored
 * hashed. It is the MQTT password of the user {@code mqttUsername} (the gateway id).
 */
public record IssuedGatewayCredentialDto(
    GatewayCredentialDto credential, String token, String mqttUsername, String notice) {}
