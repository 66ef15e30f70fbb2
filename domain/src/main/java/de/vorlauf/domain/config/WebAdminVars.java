package de.vorlauf.domain.config;

import static de.vorlauf.domain.config.ReadBy.WILDFLY;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The admin WAR and its WildFly server. The admin files are read by the CLI scripts under
 * deploy/wildfly only: their defaults are WildFly expressions, kept equal there by a test.
 */
public final class WebAdminVars {

  public static final EnvVar<String> SERVICE_ORIGINS =
      EnvVar.text("VORLAUF_SERVICE_ORIGINS")
          .unset("no labels")
          .readBy(WILDFLY)
          .means("labels naming where each service came from, e.g. database=…;mqtt=… (launcher)");

  public static final EnvVar<Duration> CREDENTIAL_ROTATION_OVERLAP =
      EnvVar.duration("VORLAUF_CREDENTIAL_ROTATION_OVERLAP", "PT0S")
          .byDefault("PT1H")
          .readBy(WILDFLY)
          .means("how long a rotated device credential stays valid beside the new one");

  public static final EnvVar<Path> ADMIN_USERS_FILE =
      EnvVar.path("VORLAUF_ADMIN_USERS_FILE")
          .byDefault("${jboss.server.config.dir}/vorlauf-admin-users.properties")
          .readBy(WILDFLY)
          .means("admin login realm: user:realm:password digests");

  public static final EnvVar<Path> ADMIN_ROLES_FILE =
      EnvVar.path("VORLAUF_ADMIN_ROLES_FILE")
          .byDefault("${jboss.server.config.dir}/vorlauf-admin-roles.properties")
          .readBy(WILDFLY)
          .means("admin login realm: roles per user");

  public static final EnvVar<Boolean> METRICS_REMOTE =
      EnvVar.flag("VORLAUF_ADMIN_METRICS_REMOTE")
          .byDefault("false")
          .readBy(WILDFLY)
          .means(
              "serve the WAR's /metrics to other hosts too; by default only loopback clients get"
                  + " an answer (it carries no authentication)");

  public static final EnvVar<Path> LAUNCHER_SUPERVISION_FILE =
      EnvVar.path("VORLAUF_LAUNCHER_SUPERVISION_FILE")
          .unset("no process table on the status page")
          .readBy(WILDFLY)
          .means(
              "the launcher's supervision.properties (state, pid and restarts of each process it"
                  + " started), shown on the status page; set by the launcher");

  public static final List<EnvVar<?>> ALL =
      List.of(
          SERVICE_ORIGINS,
          CREDENTIAL_ROTATION_OVERLAP,
          ADMIN_USERS_FILE,
          ADMIN_ROLES_FILE,
          METRICS_REMOTE,
          LAUNCHER_SUPERVISION_FILE);

  private WebAdminVars() {}
}
