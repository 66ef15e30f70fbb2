package de.vorlauf.webadmin.audit;

import de.vorlauf.persistence.audit.AuditLogRepository;
import de.vorlauf.persistence.audit.AuditQuery;
import de.vorlauf.persistence.paging.PageRequest;
import de.vorlauf.webadmin.common.PageDto;
import de.vorlauf.webadmin.common.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;

/** Reading the audit log: filtered pages, newest first, and the actions that occur in it. */
@ApplicationScoped
public class AuditService {

  @Inject AuditLogRepository repository;

  public PageDto<AuditEntryDto> page(AuditQuery query, PageRequest page) throws SQLException {
    return Paging.toDto(repository.page(query, page), AuditEntryDto::of);
  }

  public List<String> actions() throws SQLException {
    return repository.actions();
  }
}
