package de.vorlauf.domain.config;

import static de.vorlauf.domain.config.ReadBy.WILDFLY;
import static de.vorlauf.domain.config.ReadBy.WORKER;

import java.nio.file.Path;
import java.util.List;

/** Vendor clouds polled for readings. */
public final class VendorVars {

  public static final EnvVar<Path> INTEGRATIONS_FILE =
      EnvVar.path("VORLAUF_VENDOR_INTEGRATIONS_FILE")
          .unset("none (the launcher writes one for the simulator's cloud)")
          .readBy(WORKER, WILDFLY)
          .means("properties file of the vendor integrations; secrets stay in the files it names");

  public static final List<EnvVar<?>> ALL = List.of(INTEGRATIONS_FILE);

  private VendorVars() {}
}
