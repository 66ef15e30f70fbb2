package de.vorlauf.persistence.experiments;

/** An artifact whose stored content no longer matches the checksum taken when it was logged. */
public class ArtifactCorruptedException extends RuntimeException {

  public ArtifactCorruptedException(long runId, String name, String expected, String actual) {
    super(
        "artifact '"
            + name
            + "' of run "
            + runId
            + " is corrupted: its content has SHA-256 "
            + actual
            + " but "
            + expected
            + " was recorded when it was logged; it is refused rather than served");
  }
}
