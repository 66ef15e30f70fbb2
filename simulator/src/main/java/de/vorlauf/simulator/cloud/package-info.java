/**
 * A simulated vendor cloud (Viessmann-like REST API) whose values come from the same physics as the
 * MQTT fleet, so vendor polling can be checked reading by reading against the truth.
 *
 * <p>{@link de.vorlauf.simulator.cloud.RecordedCloudData} is the truth the physics feeds, one value
 * per feature and simulated minute, with a "now" that nothing after is served. {@link
 * de.vorlauf.simulator.cloud.VendorCloudServer} serves it over the JDK HTTP server with OAuth2
 * client credentials and the faults of {@link de.vorlauf.simulator.cloud.CloudFaults}: rate limits,
 * random 5xx, held requests and outages. The package depends on the domain's sensor catalogue and
 * on the physics' {@code SensorSample} only.
 */
package de.vorlauf.simulator.cloud;
