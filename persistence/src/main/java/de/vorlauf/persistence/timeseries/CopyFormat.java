package de.vorlauf.persistence.timeseries;

/** Wire format of COPY into the staging table. */
public enum CopyFormat {
  TEXT,
  BINARY
}
