/**
 * The MQTT broker's access control, generated from the device registry: a Mosquitto {@code
 * password_file} (service accounts + one line per device that may log in) and an {@code acl_file}
 * (each device only its own {@code greenbox/<id>/} topics, each gateway the topics of the active
 * devices assigned to it, each service account only what its clients use). {@link
 * de.vorlauf.ingest.brokeraccess.BrokerAccessExport} writes both; the worker runs it periodically
 * and once as its {@code broker-access} command.
 */
package de.vorlauf.ingest.brokeraccess;
