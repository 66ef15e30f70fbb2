package de.vorlauf.persistence.timeseries;

import java.sql.SQLException;
import java.util.List;

/** Writes one batch in one transaction. */
interface BatchSink {

  /**
   * @return for each submission (same order), how many of its rows were new; the rest were
   *     duplicates
   * @throws SQLException nothing of the batch was committed
   */
  int[] write(List<Submission> batch) throws SQLException;

  /** The series-id cache as of the last batch; safe to call from any thread. */
  default WriterStats.SeriesCacheStats seriesCache() {
    return WriterStats.SeriesCacheStats.NONE;
  }
}
