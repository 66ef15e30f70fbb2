package de.vorlauf.webadmin.registry;

/** The answer of deactivating or reactivating a building. */
public record ActivationDto(BuildingDto building, int devicesDeactivated) {}
