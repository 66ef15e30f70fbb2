package de.vorlauf.persistence.timeseries;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One caller's rows and the future completed after the batch holding them committed. */
record Submission(List<ReadingRow> rows, CompletableFuture<WriteResult> future) {

  static Submission of(List<ReadingRow> rows) {
    return new Submission(List.copyOf(rows), new CompletableFuture<>());
  }

  int size() {
    return rows.size();
  }
}
