package de.vorlauf.webadmin.ingest;

import java.util.List;

/** Problem details of a refused ingest body, with the reason code of every refused part. */
public record IngestProblemDto(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<String> quarantined) {}
