package de.vorlauf.persistence.timeseries;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows of a batch as they are written: each with its series id and the index of its submission,
 * duplicates within the batch (same series and time) removed — the first submission carrying a key
 * owns it — so every inserted row counts for exactly one submitter.
 */
record StagedRows(List<ReadingRow> rows, int[] seriesIds, int[] submissionOf) {

  /** The key a stored reading is unique by. */
  record Key(int seriesId, long micros) {}

  /**
   * Every row of the batch, in batch order, duplicates kept: the fast path's COPY, which fails on a
   * duplicate anyway (and the batch then goes through {@link #of}).
   *
   * @param seriesIds the series id of every row of the batch, in batch order
   */
  static StagedRows all(List<Submission> batch, int[] seriesIds) {
    List<ReadingRow> rows = new ArrayList<>(seriesIds.length);
    int[] owners = new int[seriesIds.length];
    for (int s = 0; s < batch.size(); s++) {
      for (ReadingRow row : batch.get(s).rows()) {
        owners[rows.size()] = s;
        rows.add(row);
      }
    }
    return new StagedRows(rows, seriesIds, owners);
  }

  /**
   * @param seriesIds the series id of every row of the batch, in batch order
   */
  static StagedRows of(List<Submission> batch, int[] seriesIds) {
    int total = batch.stream().mapToInt(Submission::size).sum();
    List<ReadingRow> rows = new ArrayList<>(total);
    int[] owners = new int[total];
    int[] series = new int[total];
    Set<Key> seen = new HashSet<>(total * 2);
    int index = 0;
    for (int s = 0; s < batch.size(); s++) {
      for (ReadingRow row : batch.get(s).rows()) {
        int id = seriesIds[index++];
        if (seen.add(new Key(id, CopyEncoder.pgMicros(row.time())))) {
          owners[rows.size()] = s;
          series[rows.size()] = id;
          rows.add(row);
        }
      }
    }
    int n = rows.size();
    return new StagedRows(
        rows, java.util.Arrays.copyOf(series, n), java.util.Arrays.copyOf(owners, n));
  }

  int size() {
    return rows.size();
  }
}
