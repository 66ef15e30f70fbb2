package de.vorlauf.persistence.timeseries;

/**
 * What one submission changed, known once its batch committed.
 *
 * @param inserted rows that were new
 * @param duplicates rows already stored (or repeated within the same batch), not stored again. A
 *     batch retried after a lost COMMIT acknowledgement reports its own rows as duplicates: they
 *     are stored once either way.
 */
public record WriteResult(int inserted, int duplicates) {

  public int total() {
    return inserted + duplicates;
  }
}
