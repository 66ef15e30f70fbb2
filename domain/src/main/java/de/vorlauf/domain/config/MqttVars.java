package de.vorlauf.domain.config;

import static de.vorlauf.domain.config.ReadBy.LAUNCHER;
import static de.vorlauf.domain.config.ReadBy.SIMULATOR;
import static de.vorlauf.domain.config.ReadBy.WILDFLY;
import static de.vorlauf.domain.config.ReadBy.WORKER;

import java.util.List;

/** The MQTT broker and how the platform's own clients log in to it. */
public final class MqttVars {

  public static final EnvVar<String> URL =
      EnvVar.url("VORLAUF_MQTT_URL", true, "tcp", "ssl", "ws", "wss")
          .byDefault("tcp://" + DefaultPorts.LOOPBACK + ":" + DefaultPorts.MQTT)
          .readBy(LAUNCHER, WORKER, WILDFLY, SIMULATOR)
          .means("the broker; set, the launcher uses it and starts none");

  public static final EnvVar<String> USER =
      EnvVar.text("VORLAUF_MQTT_USER")
          .unset("anonymous")
          .readBy(WORKER, WILDFLY)
          .means("broker login of the worker or the WAR");

  public static final EnvVar<String> PASSWORD =
      EnvVar.secret("VORLAUF_MQTT_PASSWORD")
          .unset("anonymous")
          .readBy(WORKER, WILDFLY)
          .means("broker password of that login");

  public static final EnvVar<String> BROKER =
      EnvVar.choice("VORLAUF_MQTT_BROKER", "auto", "mosquitto", "hivemq")
          .byDefault("auto")
          .readBy(LAUNCHER)
          .means(
              "broker the launcher starts: auto is Mosquitto if installed, else embedded HiveMQ");

  public static final List<EnvVar<?>> ALL = List.of(URL, USER, PASSWORD, BROKER);

  private MqttVars() {}
}
