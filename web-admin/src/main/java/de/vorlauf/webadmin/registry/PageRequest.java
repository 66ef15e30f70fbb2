package de.vorlauf.webadmin.registry;

import de.vorlauf.webadmin.common.InvalidInputException;

/** Page number (from 0) and size, clamped to what a list call serves at most. */
public record PageRequest(int page, int size) {

  public static final int MAX_SIZE = 500;

  public static PageRequest of(Integer page, Integer size) {
    int p = page == null ? 0 : page;
    int s = size == null ? 50 : size;
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

  public int offset() {
    return page * size;
  }
}
