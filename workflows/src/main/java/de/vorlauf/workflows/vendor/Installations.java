package de.vorlauf.workflows.vendor;

import java.util.List;

/** The installation ids the vendor cloud lists for an integration's client. */
public record Installations(List<String> ids) {

  public Installations {
    ids = ids == null ? List.of() : List.copyOf(ids);
  }
}
