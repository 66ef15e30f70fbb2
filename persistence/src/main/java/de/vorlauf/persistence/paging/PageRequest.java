package de.vorlauf.persistence.paging;

/** Page number (from 0) and size of a list query. */
public record PageRequest(int page, int size) {

  public PageRequest {
    if (page < 0 || size < 1) {
      throw new IllegalArgumentException(
          "page must be 0 or more and size 1 or more (got page=" + page + ", size=" + size + ")");
    }
  }

  public int offset() {
    return page * size;
  }
}
