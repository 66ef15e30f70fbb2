package de.vorlauf.persistence.experiments;

/** An artifact with its content, whose checksum was verified when it was read. */
public record Artifact(ArtifactInfo info, byte[] content) {}
