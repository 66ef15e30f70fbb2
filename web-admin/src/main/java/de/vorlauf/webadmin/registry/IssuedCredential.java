package de.vorlauf.webadmin.registry;

import de.vorlauf.persistence.registry.DeviceCredential;
import de.vorlauf.persistence.registry.DeviceToken;

/** A credential just issued, with its secret: the only moment the token exists in clear. */
public record IssuedCredential(DeviceCredential credential, DeviceToken token) {}
