package de.vorlauf.webadmin.registry;

import de.vorlauf.persistence.registry.Credential;
import de.vorlauf.persistence.registry.DeviceToken;

/** A credential just issued, with its secret: the only moment the token exists in clear. */
public record IssuedCredential(Credential credential, DeviceToken token) {}
