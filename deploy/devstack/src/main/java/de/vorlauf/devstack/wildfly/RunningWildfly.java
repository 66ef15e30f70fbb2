package de.vorlauf.devstack.wildfly;

import de.vorlauf.devstack.service.RunningService;

/** The WildFly server with the admin WAR deployed at its root. */
public interface RunningWildfly extends RunningService {

  /** e.g. http://127.0.0.1:18080/ */
  String baseUrl();

  /** e.g. http://127.0.0.1:19990/ — health under /health, /health/ready */
  String managementUrl();

  @Override
  default String name() {
    return "wildfly";
  }
}
