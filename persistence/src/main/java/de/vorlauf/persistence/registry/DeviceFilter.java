package de.vorlauf.persistence.registry;

/**
 * @param text part of the id or description, case-insensitive; null for all
 * @param buildingId only devices of this building; null for all
 * @param active only active (true) or inactive (false) devices; null for both
 * @param gatewayId only devices assigned to this gateway; null for all
 */
public record DeviceFilter(String text, String buildingId, Boolean active, String gatewayId) {}
