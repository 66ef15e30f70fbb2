package de.vorlauf.webadmin.selfcheck;

/** 202 answer of POST /api/v1/self-checks. */
public record StartedDto(String workflowId, String runId, String statusUrl) {}
