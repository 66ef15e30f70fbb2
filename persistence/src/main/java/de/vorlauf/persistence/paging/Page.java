package de.vorlauf.persistence.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with the number of all matches. */
public record Page<T>(List<T> items, int page, int size, long total) {

  public Page {
    items = List.copyOf(items);
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), page, size, total);
  }
}
