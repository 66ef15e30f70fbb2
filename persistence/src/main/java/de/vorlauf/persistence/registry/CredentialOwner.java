package de.vorlauf.persistence.registry;

import java.time.Instant;

/** Whose credentials a call means: each kind of owner has its own entity, table and wording. */
public enum CredentialOwner {
  DEVICE("device", "Device", DeviceCredential.class, "DeviceCredential", "deviceId"),
  GATEWAY("gateway", "Gateway", GatewayCredential.class, "GatewayCredential", "gatewayId");

  private final String noun;
  private final String title;
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

  /** The owner in a sentence: "device", "gateway". */
  public String noun() {
    return noun;
  }

  /** The owner at the start of a title: "Device", "Gateway". */
  public String title() {
    return title;
  }

  /** A new credential of this owner; the token's secret is kept only as hashes. */
  public Credential newCredential(String ownerId, DeviceToken token, String by, Instant now) {
    return switch (this) {
      case DEVICE -> new DeviceCredential(ownerId, token, by, now);
      case GATEWAY -> new GatewayCredential(ownerId, token, by, now);
    };
  }
}
