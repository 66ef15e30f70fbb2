package de.vorlauf.webadmin.common;

import java.util.List;

/** One page of a list: {@code total} counts all matches, {@code page} starts at 0. */
public record PageDto<T>(List<T> items, int page, int size, long total) {}
