package de.vorlauf.persistence.registry;

/**
 * @param text part of the id or name, case-insensitive; null for all
 * @param active only active (true) or inactive (false) buildings; null for both
 */
public record BuildingFilter(String text, Boolean active) {}
