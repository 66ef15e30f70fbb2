package de.vorlauf.webadmin.ops;

import de.vorlauf.ingest.pipeline.QuarantineReingest;
import de.vorlauf.persistence.ops.QuarantineFilter;
import de.vorlauf.persistence.ops.QuarantineRepository;
import de.vorlauf.persistence.paging.PageRequest;
import de.vorlauf.webadmin.common.PageDto;
import de.vorlauf.webadmin.common.Paging;
import de.vorlauf.webadmin.common.UnknownEntityException;
import de.vorlauf.webadmin.ingest.IngestBusyException;
import de.vorlauf.webadmin.ingest.IngestService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;

/**
 * The quarantine browser: filtered pages, one row with its payload, and re-ingestion of selected or
 * matching rows through the shared pipeline once the cause is fixed.
 */
@ApplicationScoped
public class QuarantineService {

  @Inject QuarantineRepository quarantine;
  @Inject IngestService ingest;

  public PageDto<QuarantineRowDto> list(QuarantineFilter filter, PageRequest page)
      throws SQLException {
    return Paging.toDto(quarantine.page(filter, page), QuarantineRowDto::of);
  }

  public QuarantineRowDto get(long id) throws SQLException {
    return quarantine
        .find(id)
        .map(QuarantineRowDto::of)
        .orElseThrow(() -> new UnknownEntityException("quarantine row", String.valueOf(id)));
  }

  /** Runs exactly these rows again. */
  public ReingestReportDto reingest(List<Long> ids)
      throws IngestBusyException, InterruptedException {
    return ReingestReportDto.of(ingest.reingest(QuarantineReingest.Selection.ids(ids)));
  }

  /** Runs the oldest {@code limit} rows matching the filter again. */
  public ReingestReportDto reingestMatching(QuarantineFilter filter, int limit)
      throws SQLException, IngestBusyException, InterruptedException {
    List<Long> ids = quarantine.ids(filter, limit);
    return ids.isEmpty() ? ReingestReportDto.NOTHING : reingest(ids);
  }
}
