package de.vorlauf.persistence.timeseries;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows of a batch as they go into the staging table: each tagged with the index of its
 * submission, duplicates within the batch removed (the first submission carrying a key owns it), so
 * every inserted row counts for exactly one submitter.
 */
record StagedRows(List<ReadingRow> rows, int[] submissionOf) {

  static StagedRows of(List<Submission> batch) {
    int total = batch.stream().mapToInt(Submission::size).sum();
    List<ReadingRow> rows = new ArrayList<>(total);
    int[] owners = new int[total];
    Set<ReadingRow.Key> seen = new HashSet<>(total * 2);
    for (int s = 0; s < batch.size(); s++) {
      for (ReadingRow row : batch.get(s).rows()) {
        if (seen.add(row.key())) {
          owners[rows.size()] = s;
          rows.add(row);
        }
      }
    }
    int[] trimmed = new int[rows.size()];
    System.arraycopy(owners, 0, trimmed, 0, rows.size());
    return new StagedRows(rows, trimmed);
  }

  int size() {
    return rows.size();
  }
}
