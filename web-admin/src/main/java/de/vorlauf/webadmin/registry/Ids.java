package de.vorlauf.webadmin.registry;

/** The shape of building and device ids: safe in URLs, MQTT topics and Mosquitto user names. */
final class Ids {

  static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

  private Ids() {}
}
