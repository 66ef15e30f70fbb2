package de.vorlauf.webadmin.common;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API of the admin UI; every resource below requires the vorlauf-admin role. */
@ApplicationPath("/api/v1")
public class VorlaufApi extends Application {}
