package de.vorlauf.webadmin.ops;

import de.vorlauf.domain.ingest.RejectReason;
import de.vorlauf.persistence.ops.QuarantineSearch;
import de.vorlauf.webadmin.registry.InvalidInputException;
import de.vorlauf.webadmin.registry.Page;
import de.vorlauf.webadmin.registry.PageRequest;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The quarantine browser: pages filtered by device, sensor, reason and time with the message's own
 * timestamp, groups, and the ids to re-ingest. A reason nobody has ever seen is refused with the
 * known ones listed, instead of silently answering zero rows.
 */
@ApplicationScoped
public class QuarantineBrowser {

  @Resource(lookup = "java:jboss/datasources/VorlaufDS")
  DataSource dataSource;

  private final QuarantineSearch search = new QuarantineSearch();

  public Page<QuarantineListRow> page(
      QuarantineSearch.Criteria criteria, boolean newestFirst, PageRequest page)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      requireKnownReason(connection, criteria.reason());
      QuarantineSearch.Page found =
          search.page(connection, criteria, newestFirst, page.offset(), page.size());
      return new Page<>(
          found.rows().stream().map(QuarantineListRow::of).toList(),
          page.page(),
          page.size(),
          found.total());
    }
  }

  public List<Long> ids(QuarantineSearch.Criteria criteria, int limit) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      requireKnownReason(connection, criteria.reason());
      return search.ids(connection, criteria, limit);
    }
  }

  public List<QuarantineGroupDto> groups(
      QuarantineSearch.Criteria criteria, QuarantineSearch.GroupBy by, int limit)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      requireKnownReason(connection, criteria.reason());
      return search.groups(connection, criteria, by, limit).stream()
          .map(g -> new QuarantineGroupDto(g.key(), g.rows(), g.firstReceived(), g.lastReceived()))
          .toList();
    }
  }

  private void requireKnownReason(Connection connection, String reason) throws SQLException {
    if (reason == null) {
      return;
    }
    Set<String> known = new TreeSet<>(search.reasonsSeen(connection));
    Arrays.stream(RejectReason.values()).map(RejectReason::code).forEach(known::add);
    if (!known.contains(reason)) {
      throw new InvalidInputException(
          "reason",
          "reason '" + reason + "' is not a quarantine reason; known: " + String.join(", ", known));
    }
  }
}
