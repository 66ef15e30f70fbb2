package de.vorlauf.webadmin.ops;

import de.vorlauf.domain.ingest.RejectReason;
import de.vorlauf.ingest.pipeline.QuarantineReingest;
import de.vorlauf.persistence.ops.QuarantineFilter;
import de.vorlauf.persistence.ops.QuarantineGroup;
import de.vorlauf.persistence.ops.QuarantineRepository;
import de.vorlauf.persistence.paging.PageRequest;
import de.vorlauf.webadmin.common.InvalidInputException;
import de.vorlauf.webadmin.common.PageDto;
import de.vorlauf.webadmin.common.Paging;
import de.vorlauf.webadmin.common.UnknownEntityException;
import de.vorlauf.webadmin.ingest.IngestBusyException;
import de.vorlauf.webadmin.ingest.IngestService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The quarantine browser: filtered pages with the message's own timestamp, groups by device, sensor
 * or reason, one row with its payload, and re-ingestion of selected or matching rows through the
 * shared pipeline once the cause is fixed. A reason nobody has ever seen is refused with the known
 * ones listed, instead of silently answering zero rows.
 */
@ApplicationScoped
public class QuarantineService {

  @Inject QuarantineRepository quarantine;
  @Inject IngestService ingest;

  /**
   * @param newestFirst by arrival, newest first (else oldest first)
   */
  public PageDto<QuarantineRowDto> list(
      QuarantineFilter filter, boolean newestFirst, PageRequest page) throws SQLException {
    requireKnownReason(filter.reason());
    return Paging.toDto(quarantine.page(filter, page, newestFirst), QuarantineRowDto::of);
  }

  public List<QuarantineGroupDto> groups(QuarantineFilter filter, QuarantineGroup.By by, int limit)
      throws SQLException {
    requireKnownReason(filter.reason());
    return quarantine.groups(filter, by, limit).stream()
        .map(g -> new QuarantineGroupDto(g.key(), g.rows(), g.firstReceived(), g.lastReceived()))
        .toList();
  }

  public QuarantineRowDto get(long id) throws SQLException {
    return quarantine
        .find(id)
        .map(QuarantineRowDto::of)
        .orElseThrow(() -> new UnknownEntityException("quarantine row", String.valueOf(id)));
  }

  /** Ids of the oldest {@code limit} rows matching the filter. */
  public List<Long> ids(QuarantineFilter filter, int limit) throws SQLException {
    requireKnownReason(filter.reason());
    return quarantine.ids(filter, limit);
  }

  /** Runs exactly these rows again. */
  public ReingestReportDto reingest(List<Long> ids)
      throws IngestBusyException, InterruptedException {
    return ReingestReportDto.of(ingest.reingest(QuarantineReingest.Selection.ids(ids)));
  }

  private void requireKnownReason(String reason) throws SQLException {
    if (reason == null) {
      return;
    }
    Set<String> known = new TreeSet<>(quarantine.reasonsSeen());
    Arrays.stream(RejectReason.values()).map(RejectReason::code).forEach(known::add);
    if (!known.contains(reason)) {
      throw new InvalidInputException(
          "reason",
          "reason '" + reason + "' is not a quarantine reason; known: " + String.join(", ", known));
    }
  }
}
