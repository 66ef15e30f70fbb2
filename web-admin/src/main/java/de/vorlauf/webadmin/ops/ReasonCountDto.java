package de.vorlauf.webadmin.ops;

/**
 * Quarantined parts of one reason code since the start.
 *
 * @param stored rows in the quarantine now
 * @param dropped parts only counted, because the quarantine was at its cap
 */
public record ReasonCountDto(String reason, long stored, long dropped) {}
