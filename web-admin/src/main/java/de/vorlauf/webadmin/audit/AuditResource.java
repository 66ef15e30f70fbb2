package de.vorlauf.webadmin.audit;

import de.vorlauf.persistence.audit.AuditQuery;
import de.vorlauf.persistence.audit.AuditRecord;
import de.vorlauf.webadmin.common.InvalidInputException;
import de.vorlauf.webadmin.common.PageDto;
import de.vorlauf.webadmin.common.Paging;
import de.vorlauf.webadmin.common.QueryParameters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** The audit log of operator actions: read only, newest first, filtered. */
@Path("/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  @Inject AuditService audit;

  /**
   * @param q part of the object id, action, reason or detail
   * @param from ISO-8601 instant, inclusive
   * @param to ISO-8601 instant, exclusive
   */
  @GET
  public PageDto<AuditEntryDto> list(
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("objectType") String objectType,
      @QueryParam("objectId") String objectId,
      @QueryParam("outcome") String outcome,
      @QueryParam("q") String text,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size)
      throws SQLException {
    if (outcome != null
        && !outcome.isBlank()
        && Arrays.stream(AuditRecord.Outcome.values())
            .noneMatch(o -> o.code().equals(outcome.strip()))) {
      throw new InvalidInputException(
          "outcome", "outcome must be one of succeeded, refused, failed, not '" + outcome + "'");
    }
    return audit.page(
        new AuditQuery(
            actor,
            action,
            objectType,
            objectId,
            outcome,
            text,
            QueryParameters.instant("from", from),
            QueryParameters.instant("to", to)),
        Paging.request(page, size));
  }

  /** Every action name that occurs in the log, for a filter's choices. */
  @GET
  @Path("actions")
  public List<String> actions() throws SQLException {
    return audit.actions();
  }
}
