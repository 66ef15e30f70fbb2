package de.vorlauf.webadmin.registry;

/**
 * A new credential with its secret, answered once and never again: the token is only stored hashed.
 * Use it as {@code Authorization: Bearer <token>} for {@code POST /api/v1/ingest} and as MQTT
 * password with the device id as user name.
 */
public record IssuedCredentialDto(
    CredentialDto credential, String token, String mqttUsername, String notice) {}
