package de.vorlauf.webadmin.security;

/** GET /api/v1/session: who is logged in. */
public record SessionDto(String user) {}
