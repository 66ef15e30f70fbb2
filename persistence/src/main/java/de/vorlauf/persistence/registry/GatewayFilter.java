package de.vorlauf.persistence.registry;

/**
 * @param text part of the id or description, case-insensitive; null for all
 * @param active only active (true) or inactive (false) gateways; null for both
 */
public record GatewayFilter(String text, Boolean active) {}
