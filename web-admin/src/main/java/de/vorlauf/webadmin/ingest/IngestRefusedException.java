package de.vorlauf.webadmin.ingest;

import java.util.List;

/**
 * Nothing of an ingest body could be stored; its refused parts were quarantined (REST: 400, 403 or
 * 404 problem with the reason code of every refused part).
 */
public class IngestRefusedException extends Exception {

  private final int status;
  private final String title;
  private final List<String> quarantined;

  public IngestRefusedException(int status, String title, String detail, List<String> quarantined) {
    super(detail);
    this.status = status;
    this.title = title;
    this.quarantined = List.copyOf(quarantined);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<String> quarantined() {
    return quarantined;
  }
}
