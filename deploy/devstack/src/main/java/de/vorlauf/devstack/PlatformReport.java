package de.vorlauf.devstack;

import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.devstack.service.Origin;
import de.vorlauf.devstack.service.RunningService;
import de.vorlauf.devstack.service.StateDir;
import de.vorlauf.devstack.temporal.RunningTemporal;
import de.vorlauf.devstack.wildfly.AdminCredentials;
import de.vorlauf.devstack.wildfly.RunningWildfly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a person (urls.txt, the console) and a program (services.properties) need to know. */
record PlatformReport(
    StateDir state,
    RunningPostgres database,
    RunningBroker mqtt,
    RunningTemporal temporal,
    String workerHealthUrl,
    RunningWildfly wildfly,
    AdminCredentials admin,
    List<String> extraLines) {

  List<String> urlLines() {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Admin UI:         "
            + wildfly.baseUrl()
            + "   (user "
            + admin.user()
            + ", password in "
            + admin.passwordFile()
            + ")");
    temporal.uiUrl().ifPresent(url -> lines.add("Temporal Web UI:  " + url));
    lines.add("WildFly health:   " + wildfly.managementUrl() + "health");
    lines.add("Worker health:    " + workerHealthUrl);
    lines.add("Database:         " + database.jdbcUrl() + "   (" + database.label() + ")");
    lines.add("MQTT:             " + mqtt.url() + "   (" + mqtt.label() + ")");
    lines.add("Temporal:         " + temporal.address() + "   (" + temporal.label() + ")");
    lines.addAll(extraLines);
    lines.add("Logs:             " + state.logs());
    return lines;
  }

  Map<String, String> properties() {
    Map<String, String> p = new LinkedHashMap<>();
    put(p, database, "url", database.jdbcUrl());
    p.put("database.user", String.valueOf(database.user()));
    put(p, mqtt, "url", mqtt.url());
    p.put(
        "mqtt.authentication",
        mqtt.accessControl()
            .map(a -> "password_file and acl_file in " + a.dir() + ", synced from the registry")
            .orElse(
                mqtt.origin() == Origin.EXTERNAL ? "configured by the broker's operator" : "none"));
    put(p, temporal, "address", temporal.address());
    p.put("temporal.kind", temporal.kind().name());
    temporal.uiUrl().ifPresent(url -> p.put("temporal.ui", url));
    p.put("worker.label", ChildEnvironment.WORKER_LABEL);
    p.put("worker.health", workerHealthUrl);
    put(p, wildfly, "url", wildfly.baseUrl());
    p.put("wildfly.management", wildfly.managementUrl());
    p.put("admin.user", admin.user());
    p.put("admin.passwordFile", String.valueOf(admin.passwordFile()));
    return p;
  }

  void write() {
    StringBuilder props = new StringBuilder("# Written by the Vorlauf launcher; read by tools.\n");
    properties().forEach((k, v) -> props.append(k).append('=').append(escape(v)).append('\n'));
    try {
      Files.writeString(state.urls(), String.join("\n", urlLines()) + "\n");
      Files.writeString(state.servicesProperties(), props);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + state.urls(), e);
    }
  }

  private static void put(Map<String, String> p, RunningService s, String key, String value) {
    p.put(s.name() + ".origin", s.origin().name());
    p.put(s.name() + ".label", s.label());
    p.put(s.name() + "." + key, value);
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\n", "\\n");
  }
}
