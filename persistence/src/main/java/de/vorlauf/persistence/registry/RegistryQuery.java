package de.vorlauf.persistence.registry;

import de.vorlauf.persistence.paging.Page;
import de.vorlauf.persistence.paging.PageRequest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A registry list query: optional filter conditions, each with its bind parameter, applied alike to
 * the page and to its count. Conditions are constants of the repositories, never input.
 */
final class RegistryQuery {

  private final StringBuilder where = new StringBuilder(" where 1 = 1");
  private final Map<String, Object> parameters = new LinkedHashMap<>();

  /** Adds {@code condition} (naming {@code :parameter}) when {@code value} is given. */
  RegistryQuery and(String condition, String parameter, Object value) {
    if (value != null && !(value instanceof String text && text.isBlank())) {
      where.append(" and ").append(condition);
      parameters.put(parameter, value instanceof String text ? text.strip() : value);
    }
    return this;
  }

  /** Adds a case-insensitive substring match on {@code :text} when {@code text} is given. */
  RegistryQuery contains(String condition, String text) {
    return and(
        condition,
        "text",
        text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase(Locale.ROOT) + "%");
  }

  /**
   * @param select the select clause, e.g. {@code select b from BuildingRegistration b}
   * @param count the count clause over the same entity, e.g. {@code select count(b) from ...}
   * @param orderBy e.g. {@code order by b.id}
   */
  <T> Page<T> page(
      EntityManager em,
      Class<T> type,
      String select,
      String count,
      String orderBy,
      PageRequest page) {
    TypedQuery<T> items = em.createQuery(select + where + " " + orderBy, type);
    TypedQuery<Long> total = em.createQuery(count + where, Long.class);
    parameters.forEach(
        (name, value) -> {
          items.setParameter(name, value);
          total.setParameter(name, value);
        });
    return new Page<>(
        items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(),
        page.page(),
        page.size(),
        total.getSingleResult());
  }
}
