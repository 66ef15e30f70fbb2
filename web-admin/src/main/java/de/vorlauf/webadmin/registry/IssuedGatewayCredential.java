package de.vorlauf.webadmin.registry;

import de.vorlauf.persistence.registry.DeviceToken;
import de.vorlauf.persistence.registry.GatewayCredential;

/** A gateway credential just issued, with its secret: the only moment the token exists in clear. */
public record IssuedGatewayCredential(GatewayCredential credential, DeviceToken token) {}
