package de.vorlauf.workflows.etl;

/** What a run will do, counted before it starts: building-days in total. */
public record EtlPlan(long buildingDays) {}
