package de.vorlauf.webadmin.ops;

import de.vorlauf.ingest.pipeline.QuarantineReingest;

/**
 * What a re-ingestion did.
 *
 * @param messages distinct messages run again
 * @param released quarantine rows removed because their message no longer fails that way
 * @param stillRefused quarantine rows written again because the message still fails
 * @param readingsStored readings stored now
 * @param readingsDuplicate readings that had been stored already
 * @param notReingestable rows left alone: payload not exact
 */
public record ReingestReportDto(
    int messages,
    int released,
    int stillRefused,
    int readingsStored,
    int readingsDuplicate,
    int notReingestable) {

  static final ReingestReportDto NOTHING = new ReingestReportDto(0, 0, 0, 0, 0, 0);

  static ReingestReportDto of(QuarantineReingest.Report report) {
    return new ReingestReportDto(
        report.messages(),
        report.released(),
        report.stillRefused(),
        report.readingsStored(),
        report.readingsDuplicate(),
        report.notReingestable());
  }
}
