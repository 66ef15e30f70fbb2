package de.vorlauf.webadmin.common;

import de.vorlauf.persistence.paging.Page;
import de.vorlauf.persistence.paging.PageRequest;
import java.util.function.Function;

/** The {@code page} and {@code size} query parameters of list calls, and pages as DTOs. */
public final class Paging {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 500;

  private Paging() {}

  /** Page number (from 0, default 0) and size (default 50), at most {@value #MAX_SIZE} rows. */
  public static PageRequest request(Integer page, Integer size) {
    int p = page == null ? 0 : page;
    int s = size == null ? DEFAULT_SIZE : size;
    if (p < 0 || s < 1 || s > MAX_SIZE) {
      throw new InvalidInputException(
          "page must be 0 or more and size between 1 and "
              + MAX_SIZE
              + " (got page="
              + p
              + ", size="
              + s
              + ")");
    }
    return new PageRequest(p, s);
  }

  public static <T, R> PageDto<R> toDto(Page<T> page, Function<T, R> mapper) {
    Page<R> mapped = page.map(mapper);
    return new PageDto<>(mapped.items(), mapped.page(), mapped.size(), mapped.total());
  }
}
