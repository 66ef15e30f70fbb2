package de.vorlauf.webadmin.audit;

import de.vorlauf.persistence.audit.AuditLogStore;
import de.vorlauf.persistence.audit.AuditQuery;
import de.vorlauf.webadmin.registry.Page;
import de.vorlauf.webadmin.registry.PageRequest;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** Reading the audit log: filtered pages, newest first, and the actions that occur in it. */
@ApplicationScoped
public class AuditService {

  @Resource(lookup = "java:jboss/datasources/VorlaufDS")
  DataSource dataSource;

  private final AuditLogStore store = new AuditLogStore();

  public Page<AuditEntryDto> page(AuditQuery query, PageRequest page) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      AuditLogStore.Page found = store.page(connection, query, page.offset(), page.size());
      return new Page<>(
          found.entries().stream().map(AuditEntryDto::of).toList(),
          page.page(),
          page.size(),
          found.total());
    }
  }

  public List<String> actions() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return store.actions(connection);
    }
  }
}
