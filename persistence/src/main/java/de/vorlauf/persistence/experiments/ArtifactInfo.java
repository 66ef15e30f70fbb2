package de.vorlauf.persistence.experiments;

import java.time.Instant;

/**
 * An artifact's description without its content.
 *
 * @param purgedAt when retention removed the content; null while it is kept
 */
public record ArtifactInfo(
    long runId,
    String name,
    String mediaType,
    long sizeBytes,
    String sha256,
    Instant storedAt,
    Instant purgedAt) {

  public boolean available() {
    return purgedAt == null;
  }
}
