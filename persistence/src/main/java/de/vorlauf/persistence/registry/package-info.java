/**
 * The device registry: buildings with the source document's {@code BuildingConfig} attributes,
 * devices, and device credentials (migration {@code V10__device_registry.sql}; V10–V19 belong to
 * the registry).
 *
 * <p>Entities: {@link de.vorlauf.persistence.registry.BuildingRegistration}, {@link
 * de.vorlauf.persistence.registry.DeviceRegistration} and {@link
 * de.vorlauf.persistence.registry.DeviceCredential}. Secrets: {@link
 * de.vorlauf.persistence.registry.DeviceToken} ({@code vlf_} + 32 random bytes, stored as SHA-256
 * for the bearer lookup) and {@link de.vorlauf.domain.broker.MosquittoPasswordHash} (the same token
 * as a Mosquitto 2.0 {@code $7$} PBKDF2-SHA512 hash in {@code device_credentials.mosquitto_hash},
 * so a broker password file can be generated from the table: one {@code <device
 * id>:<mosquitto_hash>} line per valid credential).
 *
 * <p>A building's heating type, night setback and heating curve (V31) are the domain's {@code
 * de.vorlauf.domain.heating} values ({@link de.vorlauf.persistence.registry.BuildingSettings}).
 *
 * <p>Gateways (V30): {@link de.vorlauf.persistence.registry.GatewayRegistration} and {@link
 * de.vorlauf.persistence.registry.GatewayCredential}, one MQTT login speaking for the devices whose
 * {@code gateway_id} names it. Device and gateway ids share one namespace of MQTT user names (table
 * {@code mqtt_user_names}, kept by triggers). Both credential entities take their columns and rules
 * from {@link de.vorlauf.persistence.registry.Credential} and add only their owner.
 */
package de.vorlauf.persistence.registry;
