package de.vorlauf.webadmin.registry;

import de.vorlauf.persistence.registry.Credential;
import de.vorlauf.persistence.registry.DeviceCredential;
import de.vorlauf.persistence.registry.DeviceToken;
import de.vorlauf.persistence.registry.GatewayCredential;
import java.time.Instant;

/** Whose credentials a call means: each kind of owner has its own entity, table and wording. */
public enum CredentialOwner {
  DEVICE("device", "Device", DeviceCredential.class, "DeviceCredential", "deviceId"),
  GATEWAY("gateway", "Gateway", GatewayCredential.class, "GatewayCredential", "gatewayId");

  final String noun;
  final String title;
  final Class<? extends Credential> type;
  final String entity;
  final String ownerAttribute;

  CredentialOwner(
      String noun,
      String title,
      Class<? extends Credential> type,
      String entity,
      String ownerAttribute) {
    this.noun = noun;
    this.title = title;
    this.type = type;
    this.entity = entity;
    this.ownerAttribute = ownerAttribute;
  }

  Credential newCredential(String ownerId, DeviceToken token, String by, Instant now) {
    return switch (this) {
      case DEVICE -> new DeviceCredential(ownerId, token, by, now);
      case GATEWAY -> new GatewayCredential(ownerId, token, by, now);
    };
  }
}
