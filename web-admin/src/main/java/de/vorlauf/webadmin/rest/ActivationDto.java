package de.vorlauf.webadmin.rest;

/** The answer of deactivating or reactivating a building. */
public record ActivationDto(BuildingDto building, int devicesDeactivated) {}
